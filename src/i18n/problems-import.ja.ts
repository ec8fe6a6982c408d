/** The problems of the user's imports and of their storage, in Japanese (see problems-import.en.ts). */
import type { ProblemsImportResources } from './problems-import.en.ts';

export const problemsImportJa: ProblemsImportResources = {
  importFile: {
    sizeUnknown: 'ファイルのサイズを読み取れませんでした',
    tooLarge: 'ファイルは {{mb}} MB です。取り込めるのは 50 MB までのファイルです',
    empty: 'ファイルが空です',
    notText: 'ファイルがテキストではありません',
    unreadable: 'ファイルを読み込めませんでした',
    unreadableBecause: 'ファイルを読み込めませんでした: {{error}}',
    tooManyFeatures: 'ファイルの地物数は {{n}} です。取り込めるのは {{max}} までです',
    tooManyVertices: 'ファイルの頂点数は {{n}} です。取り込めるのは {{max}} までです',
    noFeatures: 'ファイルに地物がありません',
    nothingToImport: 'ファイルに取り込める点または多角形がありません',
    notMerged: '多角形を結合できませんでした: {{error}}',
    noArea: '多角形に面積がありません',
    unsplittable: '多角形を分割できません: {{reason}}',
  },
  storage: {
    quota: 'このブラウザーには保存する空き容量がありません（ストレージの容量超過）',
    newerVersion: 'このページの新しいバージョンで保存されたものです',
    unknownLayout: '保存されたデータの形式をこのページは認識できません（{{name}}）',
    noImportsStore: '保存されたデータの形式をこのページは認識できません（取り込みデータの保存領域がありません）',
    blocked: 'このブラウザーはこのページによるデータの保存を許可していません（プライベートモードまたはブロックの設定）',
    failed: 'ブラウザーのストレージでエラーが発生しました（{{detail}}）',
    noIndexedDb: 'このブラウザーには IndexedDB がありません',
    notOpened: 'ブラウザーがストレージを開きませんでした（無効になっている可能性があります）',
    olderTabOpen:
      'このページの別のタブが古いバージョンのストレージを開いています。そのタブを閉じて再読み込みしてください',
    recordNotImport: 'この記録は{{kind}}で、取り込みデータではありません',
    nameNotText: '名前が{{kind}}で、テキストではありません',
    nameLength: '名前の文字数は {{n}} です（1〜{{max}} 文字まで）',
    contentNotText: '内容が{{kind}}で、テキストではありません',
    cleared:
      'このページの古いバージョンで保存されたデータ（ストレージのバージョン {{version}}）を読み取れなかったため、' +
      '削除しました。ファイルを取り込み直してください。',
    migrated: 'このページの古いバージョンで保存された取り込みデータ {{n}} 件を更新しました。',
    removed: 'このページが保存したデータを削除しました。',
  },
  storedKind: {
    nothing: '空の値',
    date: '日付',
    binary: 'バイナリデータ',
    list: 'リスト',
    number: '数値',
    string: '文字列',
    boolean: '真偽値',
    object: 'オブジェクト',
    other: '別の種類の値',
  },
};

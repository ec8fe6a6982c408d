/** A cited publication: a link to it, or a full bibliographic reference (checked by src/data/sources.ts). */
export interface Source {
  id: string;
  title: string;
  author?: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  pages?: string;
  copy_consulted?: string;
  used_for?: string[];
}

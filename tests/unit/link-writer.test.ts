import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLinkWriter } from '../../src/ui/link-writer.ts';

/** A history that, like Safari, refuses (SecurityError) more than `limit` writes in a 30 s window. */
function fakeHistory(limit = Infinity) {
  let hash = '';
  const writes: { at: number; hash: string }[] = [];
  let windowStart = -Infinity,
    inWindow = 0,
    refused = 0;
  return {
    writes,
    get refused() {
      return refused;
    },
    current: () => hash,
    write: (h: string) => {
      const t = Date.now();
      if (t - windowStart > 30_000) {
        windowStart = t;
        inWindow = 0;
      }
      if (inWindow >= limit) {
        refused++;
        throw new DOMException(
          'Attempt to use history.replaceState() more than 100 times per 30 seconds',
          'SecurityError',
        );
      }
      inWindow++;
      hash = h;
      writes.push({ at: t, hash: h });
    },
  };
}

describe('link writer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes at most once per 300 ms while dragging, and always the last state', () => {
    const h = fakeHistory();
    const w = createLinkWriter({ write: h.write, current: h.current, log: () => undefined });
    // 491 input events over about 5 s, as a drag of the share slider.
    for (let i = 0; i < 491; i++) {
      w.request(`#share=${i}`);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    expect(h.writes.length).toBeLessThanOrEqual(Math.ceil(4910 / 300) + 1);
    expect(h.writes.length).toBeGreaterThan(10);
    for (let i = 1; i < h.writes.length; i++) expect(h.writes[i]!.at - h.writes[i - 1]!.at).toBeGreaterThanOrEqual(300);
    expect(h.writes[0]!.hash).toBe('#share=0');
    expect(h.current()).toBe('#share=490');
    expect(w.pending()).toBeNull();
  });

  it('writes a single change at once, and skips a write that would change nothing', () => {
    const h = fakeHistory();
    const w = createLinkWriter({ write: h.write, current: h.current });
    w.request('#a');
    expect(h.writes.map((x) => x.hash)).toEqual(['#a']);
    vi.advanceTimersByTime(1000);
    w.request('#a');
    expect(h.writes).toHaveLength(1);
    expect(w.stats().skipped).toBe(1);
  });

  it("stays under Safari's 100 writes per 30 s during a long drag: no write is refused", () => {
    const h = fakeHistory(100);
    const w = createLinkWriter({ write: h.write, current: h.current, log: () => undefined });
    for (let i = 0; i < 6000; i++) {
      w.request(`#share=${i}`);
      vi.advanceTimersByTime(16);
    } // 96 s of dragging
    vi.advanceTimersByTime(31_000);
    expect(h.refused).toBe(0);
    expect(h.current()).toBe('#share=5999');
    for (let i = 90; i < h.writes.length; i++)
      expect(h.writes[i]!.at - h.writes[i - 90]!.at).toBeGreaterThanOrEqual(30_000);
  });

  it('logs and ignores a refused write, then writes the last state once the browser allows it', () => {
    const h = fakeHistory(3); // a stricter browser than the writer's budget
    const log = vi.fn();
    const w = createLinkWriter({ write: h.write, current: h.current, log });
    expect(() => {
      for (let i = 0; i < 100; i++) {
        w.request(`#x=${i}`);
        vi.advanceTimersByTime(50);
      }
    }).not.toThrow();
    expect(h.refused).toBeGreaterThan(0);
    expect(log).toHaveBeenCalled();
    expect(log.mock.calls[0]?.[1]).toBeInstanceOf(DOMException);
    vi.advanceTimersByTime(35_000);
    expect(h.current()).toBe('#x=99');
    expect(w.pending()).toBeNull();
  });

  it('a history that always throws never throws out of the writer', () => {
    const log = vi.fn();
    const w = createLinkWriter({
      write: () => {
        throw new Error('nope');
      },
      current: () => '',
      log,
    });
    expect(() => {
      for (let i = 0; i < 50; i++) {
        w.request(`#${i}`);
        vi.advanceTimersByTime(100);
      }
      vi.advanceTimersByTime(10_000);
    }).not.toThrow();
    expect(w.stats().written).toBe(0);
    expect(w.stats().refused).toBeGreaterThan(0);
    w.dispose();
  });

  it('cancel forgets the pending write (a link edited in place must not be overwritten by the old state)', () => {
    const h = fakeHistory();
    const w = createLinkWriter({ write: h.write, current: h.current });
    w.request('#a');
    w.request('#b');
    expect(w.pending()).toBe('#b');
    w.cancel();
    vi.advanceTimersByTime(1000);
    expect(h.writes.map((x) => x.hash)).toEqual(['#a']);
  });
});

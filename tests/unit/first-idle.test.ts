import { afterEach, describe, expect, it, vi } from 'vitest';

// Each case loads the module afresh: its promise is the page's one first idle.
const fresh = async () => {
  vi.resetModules();
  return import('../../src/map/first-idle.ts');
};

describe("the map's first idle", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves when the map first settles, not before', async () => {
    vi.useFakeTimers();
    const { afterFirstMapIdle, markMapIdle } = await fresh();
    let done = false;
    void afterFirstMapIdle(5000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(done).toBe(false);
    markMapIdle();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    // Later waits resolve at once: the first idle has been.
    let later = false;
    void afterFirstMapIdle(5000).then(() => (later = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(later).toBe(true);
  });

  it('goes on after the fallback when the map never settles (no WebGL)', async () => {
    vi.useFakeTimers();
    const { afterFirstMapIdle } = await fresh();
    let done = false;
    void afterFirstMapIdle(5000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});

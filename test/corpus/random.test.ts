import { describe, expect, it } from 'vitest';
import { createRandom } from '../../pipeline/corpus/random.ts';

const draw = (seed: number | string, n = 50): number[] => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('seeded random', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(draw(1)).toEqual(draw(1));
    expect(draw('demo')).toEqual(draw('demo'));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const xs = draw(7, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const buckets = new Array<number>(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]!++;
    for (const b of buckets) expect(Math.abs(b - 2000)).toBeLessThan(200);
  });

  it('forks are stable whatever the parent drew before', () => {
    const a = createRandom(3);
    const b = createRandom(3);
    b.next();
    b.next();
    expect(Array.from({ length: 5 }, a.fork('x').next)).toEqual(Array.from({ length: 5 }, b.fork('x').next));
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('int, weighted and normal behave', () => {
    const r = createRandom(11);
    const ints = Array.from({ length: 5000 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const picks = Array.from({ length: 10_000 }, () => r.weighted([['a', 9], ['b', 1]] as const));
    const shareA = picks.filter((p) => p === 'a').length / picks.length;
    expect(shareA).toBeGreaterThan(0.87);
    expect(shareA).toBeLessThan(0.93);
    const ns = Array.from({ length: 20_000 }, () => r.normal());
    const mean = ns.reduce((x, y) => x + y, 0) / ns.length;
    const sd = Math.sqrt(ns.reduce((x, y) => x + (y - mean) ** 2, 0) / ns.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it('no corpus module calls Math.random', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const root = new URL('../../pipeline/corpus/', import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(await readFile(new URL(f, root), 'utf8'), f).not.toMatch(/Math\.random\s*\(/);
  });
});

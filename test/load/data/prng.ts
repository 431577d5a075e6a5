// A small seeded PRNG (sfc32, seeded through splitmix32) for the benchmark dataset: the same
// BENCH_SEED gives the same rows, ids included, on every machine.

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    let s = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A derived generator, independent of how much this one is used afterwards. */
  fork(label: string): Prng {
    return new Prng(`${this.a}:${this.b}:${this.c}:${this.d}:${label}`);
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** In [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** k distinct items (k ≤ items.length), in the order drawn. */
  sample<T>(items: readonly T[], k: number): T[] {
    const chosen = new Set<number>();
    const out: T[] = [];
    const want = Math.min(k, items.length);
    while (out.length < want) {
      const i = this.int(items.length);
      if (chosen.has(i)) continue;
      chosen.add(i);
      out.push(items[i]!);
    }
    return out;
  }

  /** A version-4-shaped UUID from the generator's stream (millions are drawn: no string padding). */
  uuid(): string {
    const a = this.u32();
    const b = this.u32();
    const c = ((this.u32() & 0x3fffffff) | 0x80000000) >>> 0;
    const d = this.u32();
    return `${hex8(a)}-${HEX[b >>> 24]}${HEX[(b >>> 16) & 255]}-4${'0123456789abcdef'[(b >>> 8) & 15]}${HEX[b & 255]}-${HEX[c >>> 24]}${HEX[(c >>> 16) & 255]}-${HEX[(c >>> 8) & 255]}${HEX[c & 255]}${hex8(d)}`;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex8(n: number): string {
  return HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

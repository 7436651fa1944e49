/**
 * A small seeded generator for weight initialisation and shuffling: sfc32 (Chris Doty-Humphrey's
 * "small fast counting" generator), seeded from one integer through splitmix32. It is fast,
 * passes PractRand's tests and gives the same stream for the same seed on every machine.
 *
 * NOTE: TensorFlow's generators are different, so seed 1 here is not seed 1 in a Keras
 * notebook; only the distributions match (Glorot uniform, uniform shuffles).
 */
export class TrainingRandom {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number) {
    let state = seed >>> 0;
    const next = () => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    // Discard the first outputs, which still show the seed's structure.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Draws a float64 uniform in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Draws a float64 uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.nextDouble();
  }

  /** Draws an integer uniform in 0 … n − 1, for n far below 2^53. */
  nextInt(n: number): number {
    return Math.floor(this.nextDouble() * n);
  }

  /** Fisher–Yates shuffle in place. */
  shuffle(items: Uint32Array | number[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const swap = items[i]!;
      items[i] = items[j]!;
      items[j] = swap;
    }
  }
}

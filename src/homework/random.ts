import { createHash, createHmac } from 'node:crypto';
import type { ValueDraw } from './spec.js';

/**
 * A deterministic stream of random numbers: SHA-256 of the seed and a block counter. The
 * same seed gives the same numbers on every machine and Node.js version.
 */
export class SeededRandom {
  private buffer = Buffer.alloc(0);
  private offset = 0;
  private counter = 0n;

  constructor(private readonly seed: Buffer) {}

  /** Draw a uniform integer in [0, n), without modulo bias, for any n up to 2⁵³. */
  integer(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`integer(${n}) needs a safe integer n ≥ 1`);
    if (n <= 2 ** 32) {
      const limit = 2 ** 32 - (2 ** 32 % n);
      for (;;) {
        const value = this.uint32();
        if (value < limit) return value % n;
      }
    }
    // 53 random bits from two draws, rejected above the largest multiple of n.
    const limit = 2 ** 53 - (2 ** 53 % n);
    for (;;) {
      const value = (this.uint32() >>> 11) * 2 ** 32 + this.uint32();
      if (value < limit) return value % n;
    }
  }

  private uint32(): number {
    if (this.offset + 4 > this.buffer.length) {
      const counter = Buffer.alloc(8);
      counter.writeBigUInt64BE(this.counter++);
      this.buffer = createHash('sha256').update(this.seed).update(counter).digest();
      this.offset = 0;
    }
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
}

/** Student ids are compared as the roster compares them: trimmed, Unicode NFC, lower case. */
function studentKey(studentId: string): string {
  return studentId.trim().normalize('NFC').toLowerCase();
}

/**
 * Derive the seed of a student's variant from the course secret, the homework id, the
 * student id and the attempt number, and from nothing else. A draw that fails the quality
 * checks is drawn again with the next attempt. No roster change moves anyone's numbers.
 */
export function variantSeed(secret: string, homeworkId: string, studentId: string, attempt: number): Buffer {
  return createHmac('sha256', secret).update(JSON.stringify(['variant', homeworkId, studentKey(studentId), attempt])).digest();
}

/** Crockford's base 32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLetters = codeAlphabet.slice(10);

/** Derive the short code printed on a student's sheet and expected in the e-mail subject: 6 characters, a letter then five of any kind, about 29 bits. */
export function variantCode(secret: string, homeworkId: string, studentId: string): string {
  const digest = createHmac('sha256', secret).update(JSON.stringify(['code', homeworkId, studentKey(studentId)])).digest();
  // A letter first, so that a spreadsheet never reads a code such as 012345 or 12E345 as a number.
  let code = codeLetters[(digest[0]! * 256 + digest[1]!) % codeLetters.length]!;
  for (let i = 2; i < 7; i++) code += codeAlphabet[digest[i]! % 32];
  return code;
}

/** Draw one value: an element of the list, or a point of the range's decimal grid. */
export function drawValue(random: SeededRandom, draw: ValueDraw): number {
  if (draw.kind === 'list') return draw.values[random.integer(draw.values.length)]!;
  const scale = 10 ** draw.decimals;
  const low = Math.round(draw.min * scale);
  const high = Math.round(draw.max * scale);
  return (low + random.integer(high - low + 1)) / scale;
}

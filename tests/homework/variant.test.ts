import { describe, expect, it } from 'vitest';
import { safeFolderName } from '../../src/homework/generate.js';
import { itemsOf } from '../../src/homework/items.js';
import { loadHomework } from '../../src/homework/load.js';
import { drawValue, SeededRandom, variantCode, variantSeed } from '../../src/homework/random.js';
import { plainDecimal } from '../../src/homework/key.js';
import { readableDeadline } from '../../src/homework/sheet.js';
import { makeVariant } from '../../src/homework/variant.js';
import { UserError } from '../../src/errors.js';

const spec = loadHomework('exercises/tarea-clase6.yaml');
const student = (id: string) => ({ id, name: 'Ana', email: 'ana@example.edu', line: 2 });

describe('SeededRandom', () => {
  it('repeats for one seed', () => {
    const draw = (seed: Buffer) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 20 }, () => random.integer(1000));
    };
    expect(draw(variantSeed('s', 'h', 'A1', 0))).toEqual(draw(variantSeed('s', 'h', 'A1', 0)));
    expect(draw(variantSeed('s', 'h', 'A1', 0))).not.toEqual(draw(variantSeed('s', 'h', 'A1', 1)));
    expect(draw(variantSeed('s', 'h', 'A1', 0))).toEqual(draw(variantSeed('s', 'h', ' a1 ', 0)));
  });

  it('draws beyond 2^32 values', () => {
    const random = new SeededRandom(Buffer.from('wide'));
    const values = Array.from({ length: 200 }, () => drawValue(random, { kind: 'range', min: -1_000_000, max: 1_000_000, decimals: 4 }));
    expect(values.every((value) => value >= -1_000_000 && value <= 1_000_000)).toBe(true);
    expect(values.some((value) => Math.abs(value) > 500_000)).toBe(true);
  });

  it('draws every point of a range grid', () => {
    const random = new SeededRandom(Buffer.from('grid'));
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(drawValue(random, { kind: 'range', min: 0.1, max: 0.2, decimals: 2 }));
    expect([...seen].sort()).toEqual([0.1, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.2]);
  });
});

describe('variantCode', () => {
  it('has six unambiguous characters', () => {
    const code = variantCode('s', 'tarea', 'A01');
    expect(code).toMatch(/^[A-HJKMNP-TV-Z][0-9A-HJKMNP-TV-Z]{5}$/);
    // A letter first: no code reads as a number (012345, 12E345) in a spreadsheet.
    for (let i = 0; i < 500; i++) expect(variantCode('s', 'tarea', `S${i}`)).toMatch(/^[A-Z]/);
    expect(variantCode('s', 'tarea', 'a01')).toBe(code);
    expect(variantCode('t', 'tarea', 'A01')).not.toBe(code);
  });
});

describe('makeVariant', () => {
  const items = itemsOf(spec.questions, spec.architecture);

  it('passes the quality checks', () => {
    for (let i = 0; i < 30; i++) {
      const variant = makeVariant(spec, items, 'q', student(`S${i}`));
      for (const layer of variant.problem.network.layers) for (const row of layer.weights) for (const w of row) expect(w).toBeGreaterThanOrEqual(0.1);
      for (const answer of variant.answers) {
        for (const mistake of answer.mistakes) expect(mistake.interval[1] < answer.interval[0] || mistake.interval[0] > answer.interval[1]).toBe(true);
      }
    }
  });

  it('gives up with the failed check', () => {
    const strict = { ...spec, quality: { maxAbsZ: 0.01, maxTries: 5 } };
    const error = (() => {
      try {
        makeVariant(strict, items, 'q', student('A7'));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).messageIn('en')).toContain('A7 (line 2 of the roster) in 5 tries: 5 with a saturated unit');
  });
});

describe('safeFolderName', () => {
  it('keeps plain ids', () => {
    expect(safeFolderName('A01234567')).toBe('A01234567');
  });

  it('confines unsafe ids', () => {
    for (const id of ['../../etc/passwd', '..', '.', 'a/b', 'a\\b', 'CON', 'Núñez', '']) {
      const name = safeFolderName(id);
      expect(name, id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*-[0-9a-f]{8}$|^id-[0-9a-f]{8}$/);
    }
    expect(safeFolderName('a/b')).not.toBe(safeFolderName('a-b'));
  });
});

describe('readableDeadline', () => {
  it('keeps the zone as written', () => {
    expect(readableDeadline('2026-12-18T23:59:00-03:00')).toBe('2026-12-18 23:59 (UTC−03:00)');
    expect(readableDeadline('2026-12-18T23:59:00Z')).toBe('2026-12-18 23:59 (UTC)');
  });
});

describe('plainDecimal', () => {
  it('writes no exponent', () => {
    expect(plainDecimal(3.0179e-7)).toBe('0.00000030179');
    expect(plainDecimal(-1.5e-10)).toBe('-0.00000000015');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(0.76373)).toBe('0.76373');
  });
});

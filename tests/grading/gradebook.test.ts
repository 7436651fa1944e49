import { describe, expect, it } from 'vitest';
import { gradebookCsv, pointsOf, statusWord } from '../../src/grading/gradebook.js';

const itemNames = ['w11^[1]', 'w12^[1]', 'b^[1]'];
const rows = [
  {
    id: 'A01',
    name: 'Ana Núñez',
    email: 'ana@example.edu',
    itemNames,
    grades: [
      { name: 'w11^[1]', expected: 0.2, result: { status: 'correct', sent: 0.2 } },
      { name: 'w12^[1]', expected: 0.3, result: { status: 'rounding', sent: 0.30002 } },
      { name: 'b^[1]', expected: 0.4, result: { status: 'mistake', sent: 0.5, models: ['no-half', 'update-twice'] } },
    ],
    messageId: '<1@example.edu>',
    received: new Date('2026-12-15T13:00:00Z'),
    late: false,
  },
  { id: '=B02', name: 'Beto', email: 'beto@example.edu', itemNames, grades: null, messageId: null, received: null, late: false },
] as const;

describe('gradebookCsv', () => {
  it('writes a Spanish spreadsheet', () => {
    expect(gradebookCsv(rows, 'semicolon', 0.5)).toBe(
      '\uFEFFid;name;email;score;out_of;w11^[1];w12^[1];b^[1];message_id;received;late\n' +
        'A01;Ana Núñez;ana@example.edu;1,5;3;correct;rounding;mistake:no-half+update-twice;<1@example.edu>;2026-12-15T13:00:00.000Z;\n' +
        "'=B02;Beto;beto@example.edu;0;3;missing;missing;missing;;;\n",
    );
  });

  it('writes plain CSV', () => {
    expect(gradebookCsv(rows, 'comma', 0.5).split('\n')[1]).toBe('A01,Ana Núñez,ana@example.edu,1.5,3,correct,rounding,mistake:no-half+update-twice,<1@example.edu>,2026-12-15T13:00:00.000Z,');
  });
});

describe('points', () => {
  it('gives part of a point for rounding', () => {
    expect(pointsOf({ status: 'rounding', sent: 1 }, 0.25)).toBe(0.25);
    expect(pointsOf({ status: 'wrong', sent: 1 }, 0.25)).toBe(0);
    expect(statusWord({ status: 'ambiguous', line: 3, reason: 'several-numbers' })).toBe('ambiguous');
  });
});

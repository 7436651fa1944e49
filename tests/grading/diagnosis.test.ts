import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/grading/answers.js';
import { gradeAnswers } from '../../src/grading/grade.js';
import { parseAnswerKey } from '../../src/grading/key.js';
import { readMessage } from '../../src/grading/mail.js';
import { drawVariants } from '../../src/homework/generate.js';
import { answerKeyJson } from '../../src/homework/key.js';
import { parseHomework } from '../../src/homework/load.js';
import { formatFixed } from '../../src/render/format.js';

// Every question kind, so that every mistake model applies to some item.
const spec = parseHomework(
  ['id: diagnostico', 'ask:', '  - update: layer 1', '  - update: layer 2', '  - gradient: layer 1', '  - contribution: w11^[1]', '  - forward: all'].join('\n'),
  'diagnostico.yaml',
);
const students = Array.from({ length: 5 }, (_v, i) => ({ id: `D${i}`, name: 'Dora', email: `d${i}@example.edu`, line: i + 2 }));
const key = parseAnswerKey(answerKeyJson(spec, drawVariants(spec, students, 'diagnosis')), 'answer-key.json');

/** Build an e-mail in quoted-printable Spanish containing one answer line. */
function email(line: string): Buffer {
  const encoded = line.replace(/=/g, '=3D');
  return Buffer.from(['From: d0@example.edu', 'Subject: diagnostico', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', 'Hola:', encoded, 'Saludos'].join('\r\n'));
}

describe('diagnosis through e-mail', () => {
  for (const model of key.mistake_models.map((entry) => entry.id)) {
    it(`names ${model}`, async () => {
      // The first student and item where this model changes the answer.
      const found = key.students.flatMap((student) => student.items.flatMap((item) => item.mistakes.filter((mistake) => mistake.model === model).map((mistake) => ({ student, item, mistake }))))[0];
      expect(found, `${model} applies to no item`).toBeDefined();
      const { student, item, mistake } = found!;
      const sent = formatFixed(mistake.value, { digits: key.display.digits, rounding: 'truncate', decimalComma: true });
      const message = await readMessage(email(`${item.name} = ${sent}`));
      const [grade] = gradeAnswers(student.items, readAnswers(message.text), key.display.digits).filter((entry) => entry.name === item.name);
      expect(grade!.result).toMatchObject({ status: 'mistake' });
      expect(grade!.result.status === 'mistake' ? grade!.result.models : []).toContain(model);
    });
  }
});

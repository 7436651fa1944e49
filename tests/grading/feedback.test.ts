import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/grading/answers.js';
import { feedbackMarkdown } from '../../src/grading/feedback.js';
import { gradeAnswers } from '../../src/grading/grade.js';
import { pointsOf } from '../../src/grading/gradebook.js';
import { parseAnswerKey } from '../../src/grading/key.js';
import { drawVariants } from '../../src/homework/generate.js';
import { answerKeyJson } from '../../src/homework/key.js';
import { loadHomework } from '../../src/homework/load.js';
import { loadRoster } from '../../src/homework/roster.js';

const spec = loadHomework('exercises/tarea-clase6.yaml');
const key = parseAnswerKey(answerKeyJson(spec, drawVariants(spec, loadRoster('exercises/lista-clase6.csv').slice(0, 1), 'f')), 'answer-key.json');
const student = key.students[0]!;
const item = (name: string) => student.items.find((entry) => entry.name === name)!;

describe('feedbackMarkdown', () => {
  it('names the mistake and recovers a wrong gradient', () => {
    const sigmoid = item('w11^[1]').mistakes.find((mistake) => mistake.model === 'sigmoid-z')!.value;
    // A wrong w12^[1]: the gradient used is (θ − θ')/η.
    const theta = student.network.layers[0]!.weights[0]![1]!;
    const sent = theta - student.lr * 0.05;
    const body = `w11^[1] = ${sigmoid.toFixed(6)}\nw12^[1] = ${sent.toFixed(6)}\nb^[1] = [0,1, 0,2]`;
    const grades = gradeAnswers(student.items, readAnswers(body), key.display.digits);
    const points = grades.reduce((sum, grade) => sum + pointsOf(grade.result, 0.5), 0);
    const markdown = feedbackMarkdown(key, student, grades, points, 'es');

    expect(markdown).toContain(`Hola, ${student.name}`);
    expect(markdown).toContain('`w11^[1]`: usaste z(1 − z) en lugar de σ(z)(1 − σ(z)) al derivar la sigmoide.');
    expect(markdown).toContain("`w12^[1]`: con tu valor, el gradiente que usaste fue (θ − θ')/η = 0.04999");
    expect(markdown).toContain('`b^[1]`: la línea 3 de tu correo no se puede leer sin adivinar');
    expect(markdown).toContain('`w21^[1]`: no encontramos una línea');
    expect(markdown).toContain('Puntaje: 0 de 5.');
  });

  it('explains a wrong gradient by one factor', () => {
    // w12^[1] updated with δ_1^{[1]} x_1 (the gradient of w11^[1]) instead of δ_1^{[1]} x_2.
    const theta = student.network.layers[0]!.weights[0]![1]!;
    const gradientOfW11 = (student.network.layers[0]!.weights[0]![0]! - item('w11^[1]').value) / student.lr;
    const sent = theta - student.lr * gradientOfW11;
    const grades = gradeAnswers(student.items, readAnswers(`w12^[1] = ${sent.toFixed(7)}`), key.display.digits);
    const markdown = feedbackMarkdown(key, student, grades, 0, 'es');
    expect(markdown).toMatch(/`w12\^\[1\]`: con tu valor, .* se explica si en la cadena usaste `x1` = .* en lugar de `x2` = /);
  });

  it('writes English', () => {
    const grades = gradeAnswers(student.items, [], key.display.digits);
    expect(feedbackMarkdown(key, student, grades, 0, 'en')).toContain('| `w11^[1]` | — |');
  });
});

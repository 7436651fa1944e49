import { describe, expect, it } from 'vitest';
import { derive } from '../../src/derivation/derive.js';
import { solutionMarkdown } from '../../src/render/markdown.js';
import { lectureProblem, makeProblem } from '../helpers.js';

const truncated = lectureProblem({ rounding: 'truncate', digits: 5 });
const spanish = solutionMarkdown(derive(truncated), { lang: 'es', format: truncated.display });
const english = solutionMarkdown(derive(truncated), { lang: 'en', format: truncated.display });

describe('solutionMarkdown on the lecture network', () => {
  it('prints every value of the slides', () => {
    // Values as printed on the slides (truncated to 5 decimals), recomputed in float64:
    // a_1^[1] = σ(0.41), ŷ = σ(z^[2]), E_i = ½(y_i − ŷ_i)², dE_i/dŷ_i = ŷ_i − y_i, σ' = σ(1 − σ).
    const values = [
      '0.60108', '0.73492', '0.77955', '0.23456', '0.01452', '0.68492', '0.19480',
      '0.23978', '0.00159', '-0.17044', '0.17184', '-0.00049',
    ];
    for (const value of values) expect(spanish, value).toContain(value);
  });

  it('prints the chains of w11^[1]', () => {
    expect(spanish).toContain(
      '\\frac{dE_{1}}{dw_{1,1}^{[1]}} = 0.68492 \\cdot 0.19480 \\cdot 0.5 \\cdot 0.23978 \\cdot 0.1 = 0.00159',
    );
    expect(spanish).toContain(
      '\\frac{dE_{2}}{dw_{1,1}^{[1]}} = -0.17044 \\cdot 0.17184 \\cdot 0.7 \\cdot 0.23978 \\cdot 0.1 = -0.00049',
    );
    expect(spanish).toContain('0.00159 + \\left(-0.00049\\right) = 0.00110');
  });

  it('prints the derivatives in textbook form', () => {
    expect(spanish).toContain('\\hat{y}_{1}-y_{1} = 0.73492-0.05 = 0.68492');
    expect(spanish).toContain(
      '\\sigma\\left(z_{1}^{[1]}\\right) \\left(1-\\sigma\\left(z_{1}^{[1]}\\right)\\right) = 0.60108 \\left(1-0.60108\\right) = 0.23978',
    );
    expect(spanish).toContain('\\frac{dz_{1}^{[1]}}{dw_{1,1}^{[1]}} = x_{1} = 0.1');
  });

  it('repeats none of the slides typos', () => {
    // σ(z)(1 − z) for σ'(z); a = σ(dz); dE_1/dŷ_2 in E_2's chain; dz/dw = 0.23978.
    expect(spanish).not.toMatch(/\\sigma\\left\(z_\{\d\}\^\{\[\d\]\}\\right\) \\left\(1-z/);
    expect(spanish).not.toContain('\\sigma\\left(dz');
    expect(spanish).not.toContain('\\frac{dE_{1}}{d\\hat{y}_{2}}');
    expect(spanish).not.toContain('{dw_{1,1}^{[1]}} = 0.23978');
  });

  it('refers to factors computed earlier', () => {
    expect(spanish).toContain('$\\frac{da_{1}^{[1]}}{dz_{1}^{[1]}} = 0.23978$: ya lo habíamos calculado.');
    expect(spanish).toContain('ya lo habíamos calculado (en $\\frac{dE}{dw_{1,1}^{[2]}}$)');
  });

  it('prints the update and summary', () => {
    // 0.1 − 0.5 · 0.0011080579… = 0.09944597…, truncated.
    expect(spanish).toContain('= 0.1 - 0.5 \\cdot 0.00110 = 0.09944');
    expect(spanish).toContain('| $w_{1,1}^{[1]}$ | $0.1$ | $0.00110$ | $0.09944$ |');
  });

  it('is complete in English', () => {
    expect(english).toContain('# Backpropagation: worked solution');
    expect(english).toContain('already computed above');
    expect(english).not.toMatch(/[áéíóúñ¿]/);
  });

  it('is complete in Spanish', () => {
    expect(spanish).toContain('# Retropropagación: solución desarrollada');
    expect(spanish).not.toMatch(/\b(the|already|Layer|Update)\b/);
  });

  it('keeps math delimiters balanced', () => {
    const displays = spanish.split('\n').filter((line) => line === '$$').length;
    expect(displays % 2).toBe(0);
    for (const line of spanish.split('\n').filter((l) => l !== '$$' && !l.startsWith('\\'))) {
      expect((line.match(/\$/g) ?? []).length % 2, line).toBe(0);
    }
  });
});

describe('solutionMarkdown options', () => {
  it('rounds when asked', () => {
    const rounded = lectureProblem({ rounding: 'round' });
    const markdown = solutionMarkdown(derive(rounded), { lang: 'es', format: rounded.display });
    expect(markdown).toContain('= 0.1 - 0.5 \\cdot 0.00111 = 0.09945');
    expect(markdown).toContain('-0.17045');
  });

  it('writes decimal commas in math', () => {
    const comma = lectureProblem({ rounding: 'truncate', decimalComma: true });
    const markdown = solutionMarkdown(derive(comma), { lang: 'es', format: comma.display });
    expect(markdown).toContain('0{,}68492');
    expect(markdown).not.toMatch(/\d\.\d{5}/);
  });

  it('shows relu derivatives by case', () => {
    const problem = makeProblem(
      [
        { weights: [[0.5], [-0.5]], bias: 0, activation: 'relu' },
        { weights: [[1, 1]], bias: 0, activation: 'linear' },
      ],
      [1],
      [0],
    );
    const markdown = solutionMarkdown(derive(problem), { lang: 'es', format: problem.display });
    expect(markdown).toContain('\\begin{cases} 1 & z_{1}^{[1]} > 0 \\\\ 0 & z_{1}^{[1]} \\le 0 \\end{cases} = 1 \\quad (0.50000 > 0)\n');
    expect(markdown).toContain('= 0 \\quad (-0.50000 \\le 0)\n');
  });

  it('presents many paths in delta form', () => {
    const problem = lectureProblem({ rounding: 'truncate', maxPaths: 1 });
    const markdown = solutionMarkdown(derive(problem), { lang: 'es', format: problem.display });
    expect(markdown).toContain('Del parámetro al error hay 2 caminos, y solo se desarrollan uno por uno hasta 1.');
    expect(markdown).toContain('\\frac{dE}{dw_{1,1}^{[1]}} = \\delta_{1}^{[1]} x_{1} = 0.01108 \\cdot 0.1 = 0.00110');
  });
});

describe('solutionMarkdown notation', () => {
  const render = (problem: ReturnType<typeof makeProblem>, lang: 'es' | 'en' = 'es') =>
    solutionMarkdown(derive(problem), { lang, format: problem.display });

  it('prints input data as written', () => {
    const problem = lectureProblem({ rounding: 'round', digits: 1 });
    const markdown = render(problem);
    expect(markdown).toContain('y = \\left(0.05,\\ 0.95\\right)');
    expect(markdown).toContain('b^{[1]} = 0.25');
    expect(markdown).toContain('\\eta = 0.5');
  });

  it('separates listed values by semicolons with a decimal comma', () => {
    const markdown = render(lectureProblem({ decimalComma: true }));
    expect(markdown).toContain('x = \\left(0{,}1;\\ 0{,}5\\right)');
    const negative = render(makeProblem([{ weights: [[0.1, 0.2]], bias: 0, activation: 'sigmoid' }], [1, -0.5], [0]));
    expect(negative).toContain('x = \\left(1,\\ {-0.5}\\right)');
  });

  it('drops the sign and parentheses of a rounded zero', () => {
    // δ_1^[2] · a_1^[1] = (0.6 − 0.6000001)·σ'… is about −1e-8: it prints as 0.00000.
    const problem = makeProblem([{ weights: [[1]], bias: 0, activation: 'linear' }], [0.6000001], [0.6]);
    const markdown = render(problem);
    expect(markdown).not.toContain('\\left(0.00000\\right)');
    expect(markdown).not.toContain('-0.00000');
  });

  it('parenthesizes negative weights in delta sums', () => {
    const problem = makeProblem(
      [
        { weights: [[0.3], [0.2]], bias: 0, activation: 'sigmoid' },
        { weights: [[0.5, -0.6], [0.7, -0.8]], bias: 0, activation: 'sigmoid' },
      ],
      [1],
      [0, 1],
    );
    const markdown = render(problem);
    expect(markdown).toMatch(/\\left\(0\.5 \\cdot 0\.\d{5} \+ 0\.7 \\cdot \\left\(-0\.\d{5}\\right\)\\right\)/);
    expect(markdown).toMatch(/\\left\(-0\.6 \\cdot 0\.\d{5} \+ \\left\(-0\.8\\right\) \\cdot/);
  });

  it('writes per-neuron biases in the conventions', () => {
    const markdown = render(
      makeProblem([{ weights: [[0.3]], bias: [0.1], activation: 'sigmoid' }, { weights: [[0.5]], bias: 0.2, activation: 'sigmoid' }], [1], [0]),
    );
    expect(markdown).toContain('b_j^{[l]}$ (o $b^{[l]}$ en una capa con un sesgo compartido)');
  });

  it('drops 1/1 from mse with one output', () => {
    const markdown = render(makeProblem([{ weights: [[0.3]], bias: 0, activation: 'sigmoid' }], [1], [0], { loss: 'mse' }));
    expect(markdown).not.toContain('\\frac{1}{1}');
    expect(markdown).not.toContain('\\frac{2}{1}');
    expect(markdown).toContain('E = E_{1} = ');
    expect(markdown).not.toMatch(/E = E_\{1\} = [\d.]+ = /);
  });

  it('puts the condition after an elu value', () => {
    const problem = makeProblem(
      [
        { weights: [[-0.4]], bias: 0, activation: 'elu' },
        { weights: [[1]], bias: 0, activation: 'linear' },
      ],
      [1],
      [0],
      { display: { digits: 4 } },
    );
    // ELU'(z) = ELU(z) + α = (e^{−0.4} − 1) + 1 = e^{−0.4} = 0.67032…
    expect(render(problem)).toContain('= \\left(-0.3297\\right)+1 = 0.6703 \\quad (-0.4000 \\le 0)');
  });

  it('writes no double parentheses around arguments', () => {
    const problem = makeProblem([{ weights: [[-0.4]], bias: 0, activation: 'relu' }], [1], [0]);
    const markdown = render(problem);
    expect(markdown).toContain('\\operatorname{ReLU}\\left(-0.40000\\right)');
    expect(markdown).not.toContain('\\left(\\left(');
  });

  it('shows the side of zero of tiny values', () => {
    const problem = makeProblem([{ weights: [[1e-9]], bias: 0, activation: 'relu' }], [1], [0]);
    const markdown = render(problem);
    expect(markdown).toContain('= 1 \\quad (1.0000 \\cdot 10^{-9} > 0)');
    expect(markdown).toContain('w_{1,1}^{[1]} = 1 \\cdot 10^{-9}');
  });

  it('parenthesizes negative constants', () => {
    const problem = makeProblem([{ weights: [[-0.5]], bias: 0, activation: 'elu', alpha: -0.5 }], [1], [0]);
    expect(render(problem)).toContain('+\\left(-0.5\\right)');
  });
});

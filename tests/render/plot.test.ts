import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { paintSimpleSvg } from '../../src/render/pdf/svg-paint.js';
import { PdfWriter } from '../../src/render/pdf/writer.js';
import { formatTick, functionChart, heatmapChart, lineChart, logTicks, niceTicks, plotColors, sampleGrid, type LineSeries } from '../../src/render/plot.js';

interface SvgElement {
  readonly attributes: Record<string, string>;
  readonly text: string;
}

/** Find the elements of one kind with their attributes and, for text, their content as written. */
function elements(svg: string, name: string): SvgElement[] {
  const pattern = new RegExp(`<${name}\\s([^>]*?)/?>(?:([^<]*)</${name}>)?`, 'g');
  return [...svg.matchAll(pattern)].map((match) => ({
    attributes: Object.fromEntries([...match[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((attribute) => [attribute[1]!, attribute[2]!])),
    text: match[2] ?? '',
  }));
}

function texts(svg: string): string[] {
  return elements(svg, 'text').map((element) => element.text);
}

/** Read the absolute vertices of each subpath of path data made of M, L and l commands. */
function subpaths(d: string): { x: number; y: number }[][] {
  const tokens = d.match(/[MLl]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const result: { x: number; y: number }[][] = [];
  let command = '';
  let x = 0;
  let y = 0;
  for (let i = 0; i < tokens.length; ) {
    if (/[MLl]/.test(tokens[i]!)) command = tokens[i++]!;
    const a = Number(tokens[i++]);
    const b = Number(tokens[i++]);
    x = command === 'l' ? x + a : a;
    y = command === 'l' ? y + b : b;
    if (command === 'M') result.push([]);
    result[result.length - 1]!.push({ x, y });
  }
  return result;
}

/** Find the plotted series: the paths with round joins, unlike grid lines, tick marks and contours. */
function seriesPaths(svg: string): SvgElement[] {
  return elements(svg, 'path').filter((path) => path.attributes['stroke-linejoin'] === 'round');
}

function series(values: ArrayLike<number>, extra: Partial<LineSeries> = {}): LineSeries {
  return { values, color: plotColors.blue, ...extra };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('niceTicks', () => {
  it('steps 0…0.27 by 0.05', () => {
    // 0.27 / 5 = 0.054, closer to 5 × 10⁻² than to 10⁻¹ on a log scale, and 0.3 covers 0.27.
    expect(niceTicks(0, 0.27, 5)).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it('covers a range not starting at a tick', () => {
    expect(niceTicks(1, 1000, 2)).toEqual([0, 500, 1000]);
    expect(niceTicks(-0.93, 0.41, 3)).toEqual([-1, -0.5, 0, 0.5]);
  });
});

describe('logTicks', () => {
  it('puts ticks at every decade', () => {
    expect(logTicks(2e-4, 0.3, 8)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
  });

  it('thins a long range to every k-th decade', () => {
    // 13 decades for 4 ticks: every ⌈13 / 4⌉ = 4th decade, from 10⁻¹⁶ up to 10⁰.
    expect(logTicks(1e-13, 0.5, 4)).toEqual([1e-16, 1e-12, 1e-8, 1e-4, 1]);
  });

  it('widens one value to a decade', () => {
    expect(logTicks(0.01, 0.01, 5)).toEqual([0.01, 0.1]);
  });
});

describe('formatTick', () => {
  it('writes the decimals of the step', () => {
    expect(formatTick(0.1, 0.05, false)).toBe('0.10');
    expect(formatTick(500, 500, false)).toBe('500');
  });

  it('writes a decimal comma and a minus sign', () => {
    expect(formatTick(-0.5, 0.5, true)).toBe('\u22120,5');
  });

  it('drops the sign of zero', () => {
    expect(formatTick(-1e-17, 0.1, false)).toBe('0.0');
  });
});

describe('lineChart', () => {
  it('labels the y ticks of 0…0.27', () => {
    const svg = lineChart({ panels: [{ series: [series([0, 0.27])] }], decimalComma: true });
    for (const label of ['0,00', '0,05', '0,10', '0,15', '0,20', '0,25', '0,30']) expect(texts(svg)).toContain(label);
  });

  it('labels a log axis with powers of ten', () => {
    const svg = lineChart({ panels: [{ series: [series([0.25, 0.01, 3e-4])] }], yScale: 'log10' });
    for (const label of ['10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '10⁰']) expect(texts(svg)).toContain(label);
  });

  it('ends the x axis at the data', () => {
    // x = 1…50: reaching the tick at 0 widens the axis by 1/49 of its length, the tick at 60 by 10/49.
    const svg = lineChart({ panels: [{ series: [series(Array.from({ length: 50 }, (_v, i) => i))] }] });
    const frame = elements(svg, 'rect').find((rect) => rect.attributes.fill === 'none')!;
    const points = subpaths(seriesPaths(svg)[0]!.attributes.d!).flat();
    expect(points[0]!.x).toBeCloseTo(Number(frame.attributes.width) / 50, 1);
    expect(points[points.length - 1]!.x).toBeCloseTo(Number(frame.attributes.width), 1);
    expect(texts(svg)).not.toContain('60');
  });

  it('breaks the line at non-finite values', () => {
    const svg = lineChart({ panels: [{ series: [series([1, 2, NaN, 3, 4, Infinity, 5, -Infinity, 6])] }] });
    // Runs [1, 2], [3, 4], [5] and [6]: a lone value is a zero-length step, drawn as a dot.
    expect(subpaths(seriesPaths(svg)[0]!.attributes.d!).map((points) => points.length)).toEqual([2, 2, 2, 2]);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('breaks a log line at values ≤ 0', () => {
    const svg = lineChart({ panels: [{ series: [series([1, 0.1, 0, 0.01, -1, 0.001, 1e-4])] }], yScale: 'log10' });
    expect(subpaths(seriesPaths(svg)[0]!.attributes.d!).map((points) => points.length)).toEqual([2, 2, 2]);
  });

  it('simplifies long series keeping extremes', () => {
    // 1000 noisy points in each of six narrow panels, with one spike up and one down.
    const values = Array.from({ length: 1000 }, (_v, i) => 0.5 + 0.1 * Math.sin(i * 1.7) + 0.05 * Math.sin(i * 0.01));
    values[300] = 2;
    values[700] = -2;
    const svg = lineChart({ panels: Array.from({ length: 6 }, () => ({ series: [series(values)] })), columns: 6 });

    const frame = elements(svg, 'rect').find((rect) => rect.attributes.fill === 'none')!;
    const width = Number(frame.attributes.width);
    const height = Number(frame.attributes.height);
    const points = subpaths(seriesPaths(svg)[0]!.attributes.d!).flat();
    expect(width).toBeLessThan(100);
    expect(points.length).toBeLessThanOrEqual(2 * Math.ceil(width) + 2);
    // The y axis runs from −2 to 2 in steps of 2, so the spikes touch the top and the bottom of the plot.
    expect(Math.min(...points.map((point) => point.y))).toBeCloseTo(0, 1);
    expect(Math.max(...points.map((point) => point.y))).toBeCloseTo(height, 1);
  });

  it('stays under 1 MB for 30 panels of 20 curves', () => {
    const panels = Array.from({ length: 30 }, (_p, p) => ({
      series: Array.from({ length: 20 }, (_s, s) => series(Array.from({ length: 1000 }, (_v, i) => 0.25 * Math.exp(-0.004 * i * (1 + s / 10)) * (1 + 0.2 * Math.sin(i * (p + s + 1)))), { opacity: 0.4, width: 1 })),
    }));
    expect(lineChart({ panels, yScale: 'log10' }).length).toBeLessThan(1_000_000);
  });

  it('cuts lines at a fixed y range', () => {
    const svg = lineChart({ panels: [{ series: [series([0.5, 3, 0.5, -2, 0.5])] }], yRange: [0, 1] });
    const frame = elements(svg, 'rect').find((rect) => rect.attributes.fill === 'none')!;
    const height = Number(frame.attributes.height);
    const pieces = subpaths(seriesPaths(svg)[0]!.attributes.d!);
    // Each rise to 3 and fall to −2 leaves and re-enters the plot: three pieces, all inside it.
    expect(pieces).toHaveLength(3);
    for (const point of pieces.flat()) {
      expect(point.y).toBeGreaterThanOrEqual(-0.01);
      expect(point.y).toBeLessThanOrEqual(height + 0.01);
    }
  });

  it('draws no path without plotted values', () => {
    const svg = lineChart({ panels: [{ series: [series([NaN, NaN]), series([0, -1])] }], yScale: 'log10' });
    expect(seriesPaths(svg)).toHaveLength(0);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('rejects a log range reaching 0', () => {
    expect(() => lineChart({ panels: [{ series: [series([1, 2])] }], yScale: 'log10', yRange: [0, 1] })).toThrow(/yRange \[0, 1\]/);
  });

  it('escapes text from the caller', () => {
    const svg = lineChart({ title: 'a < b & "c"', xLabel: '<x>', panels: [{ title: 'p&q', series: [series([1, 2], { label: 'E > 0' })] }] });
    expect(svg).toContain('a &lt; b &amp; &quot;c&quot;');
    expect(svg).toContain('&lt;x&gt;');
    expect(svg).toContain('p&amp;q');
    expect(svg).toContain('E &gt; 0');
  });

  it('lists each label once in the legend', () => {
    const svg = lineChart({
      panels: [
        { series: [series([1, 2], { label: 'converge' }), series([2, 1], { label: 'converge' })] },
        { series: [series([1, 1], { label: 'atascada', color: plotColors.vermillion, dashed: true })] },
      ],
    });
    expect(texts(svg).filter((text) => text === 'converge')).toHaveLength(1);
    const swatches = elements(svg, 'line').filter((line) => line.attributes['stroke-width'] === '2');
    expect(swatches.map((line) => line.attributes.stroke)).toEqual([plotColors.blue, plotColors.vermillion]);
    expect(swatches[1]!.attributes['stroke-dasharray']).toBe('6 4');
  });

  it('wraps a long panel title', () => {
    const title = '7 neuronas ocultas y 200 épocas (aprende)';
    const panels = Array.from({ length: 12 }, () => ({ title, series: [{ values: [0.3, 0.2, 0.1], color: plotColors.blue }] }));
    const svg = lineChart({ panels, columns: 4 });
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!);
    expect(texts.some((text) => text.includes('…'))).toBe(false);
    expect(texts).toContain('7 neuronas ocultas y');
    expect(texts).toContain('200 épocas (aprende)');
  });

  it('writes the same bytes twice', () => {
    const options = { panels: [{ title: 'η = 0,5', series: [series([0.3, 0.2, 0.1], { opacity: 0.5 })] }], yScale: 'log10' as const };
    expect(lineChart(options)).toBe(lineChart(options));
  });
});

describe('sampleGrid', () => {
  it('samples cell centres with x2 falling by row', () => {
    expect(sampleGrid((x1, x2) => 10 * x1 + x2, [0, 1], 2)).toEqual([
      [2.5 + 0.75, 7.5 + 0.75],
      [2.5 + 0.25, 7.5 + 0.25],
    ]);
  });
});

describe('heatmapChart', () => {
  // f = 1 right of x1 = 0.5, the middle of −0.5…1.5: the right 10 of 20 columns.
  const values = sampleGrid((x1) => (x1 > 0.5 ? 1 : 0), [-0.5, 1.5], 20);
  const panel = { title: 'época 0', values, points: [{ x1: 0, x2: 0, target: 0 }, { x1: 1, x2: 0, target: 1 }] };

  /** Read the colour under the whole plot, and the top-left corner of each run of another colour, by colour. */
  function cells(svg: string): { background: string; runs: Map<string, { x: number; y: number }[]> } {
    const frame = elements(svg, 'rect').find((rect) => rect.attributes.fill === 'none')!;
    const background = elements(svg, 'rect').find((rect) => rect.attributes.width === frame.attributes.width && rect.attributes.fill !== 'none')!;
    const runs = new Map<string, { x: number; y: number }[]>();
    for (const path of elements(svg, 'path').filter((element) => element.attributes.stroke === undefined)) {
      runs.set(path.attributes.fill!, [...path.attributes.d!.matchAll(/M([\d.]+) ([\d.]+)/g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]) })));
    }
    return { background: background.attributes.fill!, runs };
  }

  it('merges cells of one colour', () => {
    const { runs } = cells(heatmapChart({ panels: [panel], range: [-0.5, 1.5] }));
    // The colour of f = 0 lies under the plot, so only f = 1 is drawn: one run of 10 cells per row.
    expect([...runs.values()].map((rectangles) => rectangles.length)).toEqual([20]);
  });

  it('colours the right side orange', () => {
    const svg = heatmapChart({ panels: [panel], range: [-0.5, 1.5] });
    const frame = elements(svg, 'rect').find((rect) => rect.attributes.fill === 'none')!;
    const { background, runs } = cells(svg);
    // 60 % of the way from white to blue #0072B2: 255 − 0.6 · 255 = 102, 255 − 0.6 · 141 = 170, 255 − 0.6 · 77 = 209.
    expect(background).toBe('#66aad1');
    // …and to orange #E69F00: 255 − 0.6 · 25 = 240, 255 − 0.6 · 96 = 197, 255 − 0.6 · 255 = 102.
    expect([...runs.keys()]).toEqual(['#f0c566']);
    for (const corner of runs.get('#f0c566')!) expect(corner.x).toBeCloseTo(Number(frame.attributes.width) / 2, 1);
  });

  it('rejects a grid that is not square', () => {
    expect(() => heatmapChart({ panels: [{ values: [[0, 1]] }], range: [0, 1] })).toThrow(/heatmap panel 1/);
  });

  it('fills points by class', () => {
    const svg = heatmapChart({ panels: [panel], range: [-0.5, 1.5], classLabels: ['clase 0', 'clase 1'] });
    const points = elements(svg, 'circle').map((circle) => circle.attributes.fill);
    // The two data points, then the two legend dots.
    expect(points).toEqual([plotColors.blue, plotColors.orange, plotColors.blue, plotColors.orange]);
    expect(texts(svg)).toContain('clase 1');
  });

  it('draws the contour at f = 0.5', () => {
    const svg = heatmapChart({ panels: [panel], range: [-0.5, 1.5], contour: true });
    const frame = elements(svg, 'rect').find((rect) => rect.attributes.fill === 'none')!;
    const contour = elements(svg, 'path').find((path) => path.attributes['stroke-width'] === '1.2')!;
    const points = subpaths(contour.attributes.d!).flat();
    // The step lies halfway between the centres of columns 10 and 11, at the middle of the plot.
    expect(points.length).toBeGreaterThan(0);
    for (const point of points) expect(point.x).toBeCloseTo(Number(frame.attributes.width) / 2, 1);
  });
});

describe('functionChart', () => {
  const z = Array.from({ length: 101 }, (_v, i) => -5 + i * 0.1);
  const svg = functionChart({
    panels: [{ title: 'sigmoide', z, f: z.map(sigmoid), derivative: z.map((v) => sigmoid(v) * (1 - sigmoid(v))) }],
    labels: { f: 'f(z)', derivative: 'f′(z)' },
    decimalComma: true,
  });

  it('draws the z = 0 axis', () => {
    const frame = elements(svg, 'rect').find((rect) => rect.attributes.fill === 'none')!;
    const axis = elements(svg, 'line').find((line) => line.attributes.x1 === line.attributes.x2)!;
    expect(Number(axis.attributes.x1)).toBeCloseTo(Number(frame.attributes.width) / 2, 1);
  });

  it('labels both curves', () => {
    expect(texts(svg)).toEqual(expect.arrayContaining(['f(z)', 'f′(z)', 'sigmoide', '0,5']));
    expect(seriesPaths(svg).map((path) => path.attributes['stroke-dasharray'])).toEqual([undefined, '6 4']);
  });
});

/** Decompress and join the content streams of a PDF. */
function pdfContent(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  let content = '';
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    try {
      content += inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      // Not a Flate stream.
    }
  }
  return content;
}

describe('paintSimpleSvg on charts', () => {
  const z = Array.from({ length: 41 }, (_v, i) => -4 + i * 0.2);
  const charts = {
    line: lineChart({ panels: [{ title: 'a', series: [series([0.3, 0.1, NaN, 0.01], { opacity: 0.4, dashed: true, label: 'E' })] }], yScale: 'log10', xLabel: 'época', yLabel: 'E' }),
    heatmap: heatmapChart({ panels: [{ title: 'b', values: sampleGrid((x1, x2) => sigmoid(4 * (x1 - x2)), [-0.5, 1.5], 12), points: [{ x1: 0, x2: 1, target: 1 }] }], range: [-0.5, 1.5], contour: true, classLabels: ['0', '1'] }),
    function: functionChart({ panels: [{ z, f: z.map(Math.tanh), derivative: z.map((v) => 1 - Math.tanh(v) ** 2) }], labels: { f: 'f(z)', derivative: 'f′(z)' } }),
  };

  for (const [name, svg] of Object.entries(charts)) {
    it(`paints the ${name} chart`, () => {
      expect(paintSimpleSvg(new PdfWriter('A4'), svg, 64, 72, 467, 400)).toBe(true);
    });
  }

  it('strokes dashed translucent paths', async () => {
    const writer = new PdfWriter('A4');
    paintSimpleSvg(writer, charts.line, 64, 72, 467, 400);
    const bytes = await writer.toBuffer();
    const content = pdfContent(bytes);
    // 1.5 px wide dashes of 4.5 on and 3 off, round caps and joins (1 J, 1 j), then the path stroked with S.
    expect(content).toMatch(/\[4\.5 3\] 0 d\n1 J\n1 j\n[\d. ]+ m\n[\s\S]*?\nS\n/);
    expect(bytes.toString('latin1')).toMatch(/\/CA 0\.4\b/);
  });
});

describe('lineChart narrow ranges', () => {
  it('draws a curve flat to the last bits', () => {
    // A loss that changes by a few ULPs, as with η = 1e-16.
    const values = [0.25, 0.25 + 2 ** -54, 0.25 - 2 ** -54];
    const svg = lineChart({ panels: [{ series: [{ values, color: plotColors.blue }] }] });
    expect(svg).toContain('0.25');
  });

  it('labels ticks of tiny values', () => {
    const svg = lineChart({ panels: [{ series: [{ values: [0, 1e-100, 2e-100], color: plotColors.blue }] }] });
    expect(svg).toMatch(/10⁻¹⁰⁰/);
  });
});

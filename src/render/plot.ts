import { superscript, unicode } from '../network/notation.js';

/**
 * SVG charts for lecture handouts: line charts in small multiples, decision-boundary heatmaps
 * and activation-function plots. They use only the SVG that paintSimpleSvg paints (svg, g with
 * translate, rect, circle, line, path of straight segments, text), so the PDF draws them
 * directly, and the same input always gives the same bytes.
 */

/** The Okabe–Ito palette: distinguishable with the common colour-vision deficiencies and in print. */
export const plotColors = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  orange: '#E69F00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  black: '#000000',
  yellow: '#F0E442',
} as const;

/** Series colours in order of use. Yellow comes last because it is faint on white paper. */
export const seriesColors: readonly string[] = Object.values(plotColors);

/** Options shared by every chart. */
export interface ChartOptions {
  /** Text centred above the figure. */
  readonly title?: string;
  /** Panels per row. The default is every panel up to 4, then 4 up to 16 panels, then 6. */
  readonly columns?: number;
  /** Figure width in px (0.75 pt each). The PDF scales a wider figure down to its text width, 467 pt on A4. Default 660. */
  readonly width?: number;
  /** Write tick values with a decimal comma (0,5), as Spanish documents do. */
  readonly decimalComma?: boolean;
}

export interface LineSeries {
  /** y values, at x = 1, 2, …, n unless `xs` is given. Non-finite values break the line. */
  readonly values: ArrayLike<number>;
  /** x of each value, as long as `values`. */
  readonly xs?: ArrayLike<number>;
  readonly color: string;
  /** Stroke width in px. Default 1.5. */
  readonly width?: number;
  /** Stroke opacity from 0 to 1. Default 1. */
  readonly opacity?: number;
  readonly dashed?: boolean;
  /** Legend text. Series with the same label share one legend entry, drawn like the first of them. */
  readonly label?: string;
}

export interface LinePanel {
  readonly title?: string;
  readonly series: readonly LineSeries[];
}

export interface LineChartOptions extends ChartOptions {
  readonly panels: readonly LinePanel[];
  /** Text centred below the panels. */
  readonly xLabel?: string;
  /** Text above the panels at their left edge, not rotated, because the PDF painter cannot rotate text. */
  readonly yLabel?: string;
  /** 'log10' puts ticks at powers of ten and leaves out values ≤ 0. Default 'linear'. */
  readonly yScale?: 'linear' | 'log10';
  /**
   * y range of every panel, widened to the nearest ticks. Parts of a line outside it are cut
   * off. By default it is the range of all plotted values, so the panels compare.
   */
  readonly yRange?: readonly [number, number];
  /** Height of each plot area over its width. Default 0.6 for one panel, 0.72 for more. */
  readonly aspect?: number;
  /** Draw a legend of the series labels below the panels. Default true. */
  readonly legend?: boolean;
}

export interface HeatmapPoint {
  readonly x1: number;
  readonly x2: number;
  /** Class of the point: below 0.5 is class 0, drawn blue, and the rest class 1, drawn orange. */
  readonly target: number;
}

export interface HeatmapPanel {
  readonly title?: string;
  /**
   * f(x1, x2) in [0, 1] at the centres of an n × n grid over the range: values[r][c] is cell c
   * from the left and row r from the top, where x2 is largest. `sampleGrid` builds it.
   */
  readonly values: readonly (readonly number[])[];
  /** Data points drawn over the cells. Points outside the range are left out. */
  readonly points?: readonly HeatmapPoint[];
}

export interface HeatmapChartOptions extends ChartOptions {
  readonly panels: readonly HeatmapPanel[];
  /** Range of both x1 and x2, such as [-0.5, 1.5]. */
  readonly range: readonly [number, number];
  /** Draw the contour where f = 0.5. Default false. */
  readonly contour?: boolean;
  /** Tick values of both axes. Those outside the range are left out. Default [0, 1]. */
  readonly ticks?: readonly number[];
  /** Default x₁. */
  readonly xLabel?: string;
  /** Default x₂. */
  readonly yLabel?: string;
  /** Legend texts of class 0 and class 1, such as ['clase 0', 'clase 1']. No legend without them. */
  readonly classLabels?: readonly [string, string];
}

export interface FunctionPanel {
  readonly title?: string;
  /** Increasing z values at which `f` and `derivative` are sampled. */
  readonly z: ArrayLike<number>;
  readonly f: ArrayLike<number>;
  readonly derivative: ArrayLike<number>;
}

export interface FunctionChartOptions extends ChartOptions {
  readonly panels: readonly FunctionPanel[];
  /** Legend texts of the two curves, such as { f: 'f(z)', derivative: 'f′(z)' }. */
  readonly labels: { readonly f: string; readonly derivative: string };
  /** Default z. */
  readonly xLabel?: string;
}

const chrome = {
  background: '#ffffff',
  ink: '#1f2933',
  mutedInk: '#52606d',
  frame: '#9aa5b1',
  grid: '#e4e7eb',
  zeroAxis: '#7b8794',
  missing: '#d9d9d9',
} as const;

const fontFamily = 'DejaVu Sans, sans-serif';
const defaultWidth = 660;
const margin = 10;
/** Room right of the last column for half of the last x tick label. */
const rightPadding = 8;
const columnGap = 14;
const tickFontSize = 10;
const labelFontSize = 10;
const legendFontSize = 10;
const panelTitleFontSize = 11;
const minimumPanelTitleFontSize = 9;
/** Distance between the baselines of a two-line panel title. */
const titleLineHeight = 12;
const titleFontSize = 12;
const tickLength = 3;
/** Band above a plot for its title, and below it for the x tick labels. */
const titleBand = 18;
const untitledBand = 8;
const xTickBand = tickLength + tickFontSize + 9;
const legendRowHeight = 16;
const legendSwatchWidth = 22;
const legendEntryGap = 18;

// ---------------------------------------------------------------------------------------
// Line charts

/**
 * Draw line charts: one panel, or a grid of small panels that share their x and y ranges.
 * Long series keep at most two vertices per px of plot width, so that the change is invisible.
 */
export function lineChart(options: LineChartOptions): string {
  checkPanels(options.panels.length, options.columns);
  for (const panel of options.panels) {
    for (const series of panel.series) checkSameLength(series.xs, series.values, 'xs and values of a series');
  }

  const scale = options.yScale ?? 'linear';
  const decimalComma = options.decimalComma ?? false;
  const width = options.width ?? defaultWidth;
  const columns = options.columns ?? defaultColumns(options.panels.length);
  const aspect = options.aspect ?? (options.panels.length === 1 ? 0.6 : 0.72);
  const extents = lineExtents(options.panels, scale);
  const yExtent = options.yRange === undefined ? extents.y : checkRange(options.yRange);
  if (scale === 'log10' && yExtent[0] <= 0) throw new Error(`invalid yRange [${yExtent[0]}, ${yExtent[1]}] for a log10 axis: both ends must be above 0`);

  const header = headerElements(width, options.title, options.yLabel);

  // The y ticks depend on the plot height, which depends on the gutter for their labels: the
  // grid is laid out with a guessed gutter first, then with the gutter the ticks need.
  const top = header.bottom;
  const titles = options.panels.map((panel) => panel.title);
  const gridOptions = { count: options.panels.length, columns, width, aspect, titles, top, gutterEverywhere: false, gap: columnGap };
  const guess = layOutGrid({ ...gridOptions, gutter: 40 });
  const yAxis = fittedYAxis(scale, yExtent, guess.plotHeight, decimalComma);
  let grid = layOutGrid({ ...gridOptions, gutter: gutterFor(yAxis) });
  let xAxis = fittedXAxis(extents.x, grid.plotWidth, decimalComma);

  // Side by side, the last x tick label of a panel and the first of the next need room between them.
  const gap = Math.max(columnGap, Math.ceil(xLabelOverhang(xAxis)) + 10);
  if (columns > 1 && gap > columnGap) {
    grid = layOutGrid({ ...gridOptions, gutter: gutterFor(yAxis), gap });
    xAxis = fittedXAxis(extents.x, grid.plotWidth, decimalComma);
  }

  const body = options.panels.map((panel, index) => {
    const frame = grid.frames[index]!;
    const below = index + columns < options.panels.length;
    const lines = panel.series.flatMap((series) => seriesElements(series, xAxis, yAxis, frame));
    return panelGroup(grid, index, panel.title, [
      ...gridLines(frame, yAxis),
      ...lines,
      ...axesElements(frame, xAxis, yAxis, { xLabels: !below, yLabels: index % columns === 0 }),
    ]);
  });

  const footer = footerElements(grid, options.xLabel, options.legend === false ? [] : seriesLegend(options.panels), width);
  return svgDocument(width, footer.bottom + margin, [...header.elements, ...body, ...footer.elements]);
}

/** Range of the plotted x and y values of all panels, or a unit range when nothing is plotted. */
function lineExtents(panels: readonly LinePanel[], scale: 'linear' | 'log10'): { x: [number, number]; y: [number, number] } {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const panel of panels) {
    for (const series of panel.series) {
      for (let i = 0; i < series.values.length; i++) {
        const x = series.xs === undefined ? i + 1 : series.xs[i]!;
        const y = series.values[i]!;
        if (!Number.isFinite(x) || !plottable(y, scale)) continue;
        xMin = Math.min(xMin, x);
        xMax = Math.max(xMax, x);
        yMin = Math.min(yMin, y);
        yMax = Math.max(yMax, y);
      }
    }
  }
  if (xMin > xMax) return { x: [0, 1], y: scale === 'log10' ? [1, 10] : [0, 1] };
  return { x: [xMin, xMax], y: [yMin, yMax] };
}

/** Draw the series as one path, or return no element when none of its values is plotted. */
function seriesElements(series: LineSeries, xAxis: Axis, yAxis: Axis, frame: Frame): string[] {
  const polylines = seriesPolylines(series, xAxis, yAxis, frame.width, frame.height);
  if (polylines.length === 0) return [];
  const attributes = strokeAttributes(series.color, series.width ?? 1.5, series.opacity ?? 1, series.dashed ?? false);
  return [`<path d="${pathData(polylines)}" fill="none" ${attributes} stroke-linejoin="round" stroke-linecap="round"/>`];
}

/** Legend entries of the labelled series, in order of first appearance. */
function seriesLegend(panels: readonly LinePanel[]): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  for (const panel of panels) {
    for (const series of panel.series) {
      if (series.label === undefined || entries.has(series.label)) continue;
      entries.set(series.label, { label: series.label, color: series.color, marker: 'line', dashed: series.dashed ?? false });
    }
  }
  return [...entries.values()];
}

// ---------------------------------------------------------------------------------------
// Activation functions

/** Draw f(z) and f′(z) of each panel, solid and dashed, with the axes through 0 and a legend below. */
export function functionChart(options: FunctionChartOptions): string {
  checkPanels(options.panels.length, options.columns);
  for (const panel of options.panels) {
    checkSameLength(panel.z, panel.f, 'z and f of a panel');
    checkSameLength(panel.z, panel.derivative, 'z and derivative of a panel');
  }

  const decimalComma = options.decimalComma ?? false;
  const width = options.width ?? defaultWidth;
  const columns = options.columns ?? defaultColumns(options.panels.length);
  const header = headerElements(width, options.title, undefined);
  const top = header.bottom;

  const curves = (panel: FunctionPanel): LineSeries[] => [
    { values: panel.f, xs: panel.z, color: plotColors.blue, width: 2 },
    { values: panel.derivative, xs: panel.z, color: plotColors.vermillion, width: 2, dashed: true },
  ];
  const extents = options.panels.map((panel) => {
    const { x, y } = lineExtents([{ series: curves(panel) }], 'linear');
    return { x, y: [Math.min(0, y[0]), Math.max(0, y[1])] as [number, number] };
  });

  const titles = options.panels.map((panel) => panel.title);
  const gridOptions = { count: options.panels.length, columns, width, aspect: 0.8, titles, top, gutterEverywhere: true, gap: columnGap };
  const guess = layOutGrid({ ...gridOptions, gutter: 30 });
  const guessedYAxes = extents.map((extent) => fittedYAxis('linear', extent.y, guess.plotHeight, decimalComma));
  const grid = layOutGrid({ ...gridOptions, gutter: Math.max(...guessedYAxes.map(gutterFor)) });

  const body = options.panels.map((panel, index) => {
    const frame = grid.frames[index]!;
    const xAxis = fittedXAxis(extents[index]!.x, frame.width, decimalComma);
    const yAxis = fittedYAxis('linear', extents[index]!.y, frame.height, decimalComma);
    return panelGroup(grid, index, panel.title, [
      ...gridLines(frame, yAxis),
      ...zeroAxes(frame, xAxis, yAxis),
      ...curves(panel).flatMap((series) => seriesElements(series, xAxis, yAxis, frame)),
      ...axesElements(frame, xAxis, yAxis, { xLabels: true, yLabels: true }),
    ]);
  });

  const legend: LegendEntry[] = [
    { label: options.labels.f, color: plotColors.blue, marker: 'line', dashed: false },
    { label: options.labels.derivative, color: plotColors.vermillion, marker: 'line', dashed: true },
  ];
  const footer = footerElements(grid, options.xLabel ?? 'z', legend, width);
  return svgDocument(width, footer.bottom + margin, [...header.elements, ...body, ...footer.elements]);
}

/** Draw lines at x = 0 and y = 0 where they fall inside the plot. */
function zeroAxes(frame: Frame, xAxis: Axis, yAxis: Axis): string[] {
  const elements: string[] = [];
  if (xAxis.min < 0 && xAxis.max > 0) {
    const x = axisFraction(xAxis, 0) * frame.width;
    elements.push(line(x, 0, x, frame.height, chrome.zeroAxis, 1));
  }
  if (yAxis.min < 0 && yAxis.max > 0) {
    const y = (1 - axisFraction(yAxis, 0)) * frame.height;
    elements.push(line(0, y, frame.width, y, chrome.zeroAxis, 1));
  }
  return elements;
}

// ---------------------------------------------------------------------------------------
// Decision-boundary heatmaps

/**
 * Sample f at the centres of a cellsPerSide × cellsPerSide grid over range × range, rows from
 * the top (largest x2) down, as heatmapChart expects.
 */
export function sampleGrid(f: (x1: number, x2: number) => number, range: readonly [number, number], cellsPerSide: number): number[][] {
  const [low, high] = checkRange(range);
  if (!Number.isInteger(cellsPerSide) || cellsPerSide < 1) throw new Error(`invalid cellsPerSide ${cellsPerSide}: use a positive integer`);

  const cell = (high - low) / cellsPerSide;
  const centre = (index: number) => low + (index + 0.5) * cell;
  return Array.from({ length: cellsPerSide }, (_row, r) => Array.from({ length: cellsPerSide }, (_column, c) => f(centre(c), centre(cellsPerSide - 1 - r))));
}

/**
 * Draw decision boundaries: each panel colours f(x1, x2) from blue (0) through white (0.5) to
 * orange (1), and draws the data points filled with the colour of their class.
 */
export function heatmapChart(options: HeatmapChartOptions): string {
  checkPanels(options.panels.length, options.columns);
  const [low, high] = checkRange(options.range);
  options.panels.forEach((panel, index) => {
    const n = panel.values.length;
    if (n === 0 || panel.values.some((row) => row.length !== n)) {
      throw new Error(`invalid values in heatmap panel ${index + 1}: they must be a non-empty n × n grid, such as sampleGrid returns`);
    }
  });

  const decimalComma = options.decimalComma ?? false;
  const width = options.width ?? defaultWidth;
  const columns = options.columns ?? defaultColumns(options.panels.length);
  const header = headerElements(width, options.title, options.yLabel ?? unicode.input(2));
  const top = header.bottom;

  const ticks = (options.ticks ?? [0, 1]).filter((tick) => tick >= low && tick <= high).sort((a, b) => a - b);
  const tickStep = ticks.length > 1 ? Math.min(...ticks.slice(1).map((tick, i) => tick - ticks[i]!)) : 1;
  const axis: Axis = { scale: 'linear', min: low, max: high, ticks, labels: ticks.map((tick) => formatTick(tick, tickStep, decimalComma)) };
  const titles = options.panels.map((panel) => panel.title);
  const grid = layOutGrid({ count: options.panels.length, columns, width, aspect: 1, titles, top, gutter: gutterFor(axis), gutterEverywhere: false, gap: columnGap });

  const body = options.panels.map((panel, index) => {
    const frame = grid.frames[index]!;
    const below = index + columns < options.panels.length;
    return panelGroup(grid, index, panel.title, [
      ...heatmapCells(panel.values, frame.width),
      ...(options.contour === true ? contourElements(panel.values, frame.width) : []),
      ...axesElements(frame, axis, axis, { xLabels: !below, yLabels: index % columns === 0 }),
      ...pointElements(panel.points ?? [], low, high, frame.width),
    ]);
  });

  const legend: LegendEntry[] =
    options.classLabels === undefined
      ? []
      : options.classLabels.map((label, target) => ({ label, color: classColor(target), marker: 'dot' as const, dashed: false }));
  const footer = footerElements(grid, options.xLabel ?? unicode.input(1), legend, width);
  return svgDocument(width, footer.bottom + margin, [...header.elements, ...body, ...footer.elements]);
}

/** Colour levels of the heatmap on each side of 0.5. Few levels let neighbouring cells share a colour and merge into one rect. */
const heatmapLevels = 8;
/** How far the colour of f = 0 or 1 goes from white towards the class colour, so that the points stand out. */
const heatmapStrength = 0.6;

/** Colour of a cell: f quantised to 1/16 and mixed from white towards blue (below 0.5) or orange. */
function heatmapColor(value: number): string {
  if (!Number.isFinite(value)) return chrome.missing;
  const level = Math.round(Math.min(1, Math.max(0, value)) * 2 * heatmapLevels) / (2 * heatmapLevels);
  const strength = Math.abs(level - 0.5) * 2 * heatmapStrength;
  return mixColors(chrome.background, level < 0.5 ? plotColors.blue : plotColors.orange, strength);
}

function classColor(target: number): string {
  if (!Number.isFinite(target)) return chrome.missing;
  return target < 0.5 ? plotColors.blue : plotColors.orange;
}

/**
 * Draw the cells: one rect of the most frequent colour under the whole plot, then one path per
 * other colour with a rectangle for each run of horizontally adjacent cells of that colour.
 * One fill per colour leaves no anti-aliasing seams between its runs, and each run reaches
 * 0.3 px into its right and lower neighbours to hide the seams between colours.
 */
function heatmapCells(values: readonly (readonly number[])[], size: number): string[] {
  const n = values.length;
  const cell = size / n;
  const overlap = 0.3;
  const colors = values.map((row) => row.map(heatmapColor));
  const background = mostFrequent(colors.flat());

  const runs = new Map<string, string[]>();
  colors.forEach((row, r) => {
    let start = 0;
    for (let c = 1; c <= n; c++) {
      const color = row[start]!;
      if (c < n && row[c] === color) continue;

      if (color !== background) {
        const width = (c < n ? c * cell + overlap : size) - start * cell;
        const height = (r < n - 1 ? (r + 1) * cell + overlap : size) - r * cell;
        const rectangle = `M${num(start * cell)} ${num(r * cell)}h${num(width)}v${num(height)}h${num(-width)}z`;
        const rectangles = runs.get(color) ?? [];
        rectangles.push(rectangle);
        runs.set(color, rectangles);
      }
      start = c;
    }
  });

  return [
    `<rect x="0" y="0" width="${num(size)}" height="${num(size)}" fill="${background}"/>`,
    ...[...runs].map(([color, rectangles]) => `<path d="${rectangles.join('')}" fill="${color}"/>`),
  ];
}

/** Return the most frequent item, the first of them on a tie. */
function mostFrequent(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  let best = items[0]!;
  for (const [item, count] of counts) if (count > counts.get(best)!) best = item;
  return best;
}

/**
 * Contour f = 0.5 by marching squares over the cell centres, with the crossing on each edge
 * interpolated linearly. A saddle square is resolved by the mean of its corners.
 */
function contourElements(values: readonly (readonly number[])[], size: number): string[] {
  const n = values.length;
  const cell = size / n;
  const level = 0.5;
  const segments: string[] = [];
  for (let r = 0; r + 1 < n; r++) {
    for (let c = 0; c + 1 < n; c++) {
      const corners = [values[r]![c]!, values[r]![c + 1]!, values[r + 1]![c + 1]!, values[r + 1]![c]!];
      if (!corners.every(Number.isFinite)) continue;

      // The corners run clockwise from the top left, and edge e joins corner e to corner e + 1.
      const position = [
        { x: c, y: r },
        { x: c + 1, y: r },
        { x: c + 1, y: r + 1 },
        { x: c, y: r + 1 },
      ];
      const crossings: (Point | null)[] = corners.map((value, e) => {
        const next = corners[(e + 1) % 4]!;
        if (value >= level === next >= level) return null;
        const t = (level - value) / (next - value);
        const from = position[e]!;
        const to = position[(e + 1) % 4]!;
        return { x: (from.x + (to.x - from.x) * t + 0.5) * cell, y: (from.y + (to.y - from.y) * t + 0.5) * cell };
      });
      const found = crossings.filter((point): point is Point => point !== null);
      if (found.length === 2) segments.push(segment(found[0]!, found[1]!));
      if (found.length === 4) {
        // When the top-left corner is on the centre's side, the contour cuts off the top-right and bottom-left corners.
        const centre = corners.reduce((sum, value) => sum + value, 0) / 4;
        const [top, right, bottom, left] = found as [Point, Point, Point, Point];
        if (corners[0]! >= level === centre >= level) segments.push(segment(top, right), segment(bottom, left));
        else segments.push(segment(top, left), segment(right, bottom));
      }
    }
  }
  if (segments.length === 0) return [];
  return [`<path d="${segments.join('')}" fill="none" stroke="${chrome.ink}" stroke-width="1.2" stroke-linecap="round"/>`];
}

function segment(from: Point, to: Point): string {
  return `M${num(from.x)} ${num(from.y)}L${num(to.x)} ${num(to.y)}`;
}

function pointElements(points: readonly HeatmapPoint[], low: number, high: number, size: number): string[] {
  const radius = Math.min(6, Math.max(3, size / 30));
  const elements: string[] = [];
  for (const point of points) {
    if (!(point.x1 >= low && point.x1 <= high && point.x2 >= low && point.x2 <= high)) continue;
    const x = ((point.x1 - low) / (high - low)) * size;
    const y = (1 - (point.x2 - low) / (high - low)) * size;
    elements.push(`<circle cx="${num(x)}" cy="${num(y)}" r="${num(radius)}" fill="${classColor(point.target)}" stroke="${chrome.ink}" stroke-width="1"/>`);
  }
  return elements;
}

// ---------------------------------------------------------------------------------------
// Axes and ticks

interface Axis {
  readonly scale: 'linear' | 'log10';
  /** Ends of the axis, in data units. */
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  readonly labels: readonly string[];
}

/**
 * Choose about `count` ticks at multiples of 1, 2 or 5 × 10^k, the first at or below `min` and
 * the last at or above `max`, so that they can be the ends of the axis.
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  const step = niceStep((max - min) / Math.max(1, count));
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  // A range narrow next to its values (1 ± 1e-15) has no usable step: tick its ends only.
  if (!(last - first <= 1000)) return [min, max];
  const ticks: number[] = [];
  // toPrecision removes the binary noise of the multiplication: 3 × 0.05 is 0.15000000000000002.
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/**
 * Round a raw step to 1, 2 or 5 × 10^k, moving to the next size where the raw step is
 * past the geometric mean of the two: 5.4 becomes 5, 7.2 becomes 10.
 */
function niceStep(raw: number): number {
  const power = Number(`1e${Math.floor(Math.log10(raw))}`);
  const fraction = raw / power;
  if (fraction >= Math.sqrt(50)) return 10 * power;
  if (fraction >= Math.sqrt(10)) return 5 * power;
  if (fraction >= Math.sqrt(2)) return 2 * power;
  return power;
}

/**
 * Choose powers of ten covering [min, max] (both above 0): every decade, or every k-th
 * decade when more than `count` ticks would be drawn. The first and last are the axis ends.
 */
export function logTicks(min: number, max: number, count: number): number[] {
  let low = Math.floor(Math.log10(min) + 1e-9);
  let high = Math.ceil(Math.log10(max) - 1e-9);
  if (high === low) high += 1;
  const every = Math.ceil((high - low) / Math.max(1, count));
  low = Math.floor(low / every) * every;
  high = Math.ceil(high / every) * every;
  const ticks: number[] = [];
  for (let exponent = low; exponent <= high; exponent += every) ticks.push(Number(`1e${exponent}`));
  return ticks;
}

/** Write a tick value with the decimals its step needs, a true minus sign and, if asked, a decimal comma. */
export function formatTick(value: number, step: number, decimalComma: boolean): string {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  if (decimals > 12 || Math.abs(value) >= 1e12) return formatScientificTick(value, decimalComma);
  const text = value.toFixed(decimals).replace(/^-(?=[0.]*$)/, '');
  const signed = text.replace(/^-/, '\u2212');
  return decimalComma ? signed.replace('.', ',') : signed;
}

/** Write a tick too small or too large for fixed decimals as 2.5·10⁻¹⁰¹. */
function formatScientificTick(value: number, decimalComma: boolean): string {
  if (value === 0) return '0';
  const [mantissa, exponent] = value.toExponential(2).split('e') as [string, string];
  const trimmed = mantissa.replace(/\.?0+$/, '').replace(/^-/, '\u2212');
  return `${decimalComma ? trimmed.replace('.', ',') : trimmed}·10${superscript(Number(exponent))}`;
}

/** Write a power of ten as 10⁻⁴. */
function formatPower(value: number): string {
  return `10${superscript(Math.round(Math.log10(value)))}`;
}

/**
 * Build a linear axis over the extent. Each end moves out to the nearest tick when that
 * widens the axis by at most `growth` times the extent's length, and stays at the data otherwise.
 */
function linearAxis(extent: readonly [number, number], count: number, decimalComma: boolean, growth: number): Axis {
  let [min, max] = extent;
  // A range of a few ULPs (a flat loss curve) cannot be divided into ticks: widen it by 10 %
  // of its value on each side, as for a single value.
  if (!(max - min > Math.max(Math.abs(min), Math.abs(max)) * 1e-9)) {
    const middle = (min + max) / 2;
    const spread = middle === 0 ? 1 : Math.abs(middle) * 0.1;
    min = middle - spread;
    max = middle + spread;
  }
  const candidates = niceTicks(min, max, count);
  const step = candidates[1]! - candidates[0]!;
  const first = candidates[0]!;
  const last = candidates[candidates.length - 1]!;
  const low = min - first <= growth * (max - min) ? first : min;
  const high = last - max <= growth * (max - min) ? last : max;

  const ticks = candidates.filter((tick) => tick >= low && tick <= high);
  return { scale: 'linear', min: low, max: high, ticks, labels: ticks.map((tick) => formatTick(tick, step, decimalComma)) };
}

/** How much an axis may widen to end at ticks: always for y, which gains headroom, and by up to 5 % for x, which would show empty space. */
const yAxisGrowth = Infinity;
const xAxisGrowth = 0.05;

function logAxis(extent: readonly [number, number], count: number): Axis {
  const ticks = logTicks(extent[0], extent[1], count);
  return { scale: 'log10', min: ticks[0]!, max: ticks[ticks.length - 1]!, ticks, labels: ticks.map(formatPower) };
}

/** Choose the y axis with the most ticks, up to one per 30 px, whose labels stay apart. */
function fittedYAxis(scale: 'linear' | 'log10', extent: readonly [number, number], height: number, decimalComma: boolean): Axis {
  const fits = (axis: Axis) => height / Math.max(1, axis.ticks.length - 1) >= tickFontSize + 4;
  for (let count = Math.min(8, Math.max(2, Math.round(height / 30))); count > 1; count--) {
    const axis = scale === 'log10' ? logAxis(extent, count) : linearAxis(extent, count, decimalComma, yAxisGrowth);
    if (fits(axis)) return axis;
  }
  return scale === 'log10' ? logAxis(extent, 1) : linearAxis(extent, 1, decimalComma, yAxisGrowth);
}

/** Choose the x axis with the most ticks, up to one per 50 px, whose labels leave 8 px between them. */
function fittedXAxis(extent: readonly [number, number], width: number, decimalComma: boolean): Axis {
  for (let count = Math.min(10, Math.max(2, Math.floor(width / 50))); count > 1; count--) {
    const axis = linearAxis(extent, count, decimalComma, xAxisGrowth);
    const widest = Math.max(...axis.labels.map((label) => textWidth(label, tickFontSize)));
    const spacing = axis.ticks.length > 1 ? ((axis.ticks[1]! - axis.ticks[0]!) / (axis.max - axis.min)) * width : width;
    if (spacing >= widest + 8) return axis;
  }
  return linearAxis(extent, 1, decimalComma, xAxisGrowth);
}

function axisFraction(axis: Axis, value: number): number {
  if (axis.scale === 'log10') return (Math.log10(value) - Math.log10(axis.min)) / (Math.log10(axis.max) - Math.log10(axis.min));
  return (value - axis.min) / (axis.max - axis.min);
}

function plottable(value: number, scale: 'linear' | 'log10'): boolean {
  return Number.isFinite(value) && (scale === 'linear' || value > 0);
}

/** Measure how far the first and last x tick labels reach past the plot's left and right edges together. */
function xLabelOverhang(axis: Axis): number {
  const first = axis.labels[0] ?? '';
  const last = axis.labels[axis.labels.length - 1] ?? '';
  return (textWidth(first, tickFontSize) + textWidth(last, tickFontSize)) / 2;
}

/** Measure the width left of a plot for its y tick labels and tick marks. */
function gutterFor(axis: Axis): number {
  return Math.ceil(Math.max(...axis.labels.map((label) => textWidth(label, tickFontSize)))) + tickLength + 6;
}

// ---------------------------------------------------------------------------------------
// Series paths

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Distance in px under which a vertex is dropped: less than a hairline at print size. */
const simplifyTolerance = 0.25;

/**
 * Convert a series to polylines in the plot's pixels, y down. Non-finite values, and values ≤ 0 on
 * a log axis, split it. The polylines are cut at the top and bottom of the plot and simplified.
 */
function seriesPolylines(series: LineSeries, xAxis: Axis, yAxis: Axis, width: number, height: number): Point[][] {
  const polylines: Point[][] = [];
  let run: Point[] = [];
  const closeRun = () => {
    polylines.push(...clipToHeight(run, height));
    run = [];
  };

  for (let i = 0; i < series.values.length; i++) {
    const x = series.xs === undefined ? i + 1 : series.xs[i]!;
    const y = series.values[i]!;
    if (!plottable(x, xAxis.scale) || !plottable(y, yAxis.scale)) {
      closeRun();
      continue;
    }
    run.push({ x: axisFraction(xAxis, x) * width, y: (1 - axisFraction(yAxis, y)) * height });
  }
  closeRun();

  return polylines.map(simplifyPolyline);
}

/**
 * Cut a polyline to 0 ≤ y ≤ height, splitting it where it leaves and re-enters. The band is
 * 10⁻⁶ px wider on each side, so that rounding does not drop a point on the plot's edge.
 */
function clipToHeight(points: readonly Point[], height: number): Point[][] {
  const top = -1e-6;
  const bottom = height + 1e-6;
  const inside = (point: Point) => point.y >= top && point.y <= bottom;
  if (points.length === 1) return inside(points[0]!) ? [[points[0]!]] : [];

  const pieces: Point[][] = [];
  let current: Point[] = [];
  const closePiece = () => {
    if (current.length > 0) pieces.push(current);
    current = [];
  };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dy = b.y - a.y;

    // Parameters t of the segment a + t (b − a) where it enters and leaves the band.
    let enter = 0;
    let exit = 1;
    if (dy !== 0) {
      const atTop = (top - a.y) / dy;
      const atBottom = (bottom - a.y) / dy;
      enter = Math.max(0, Math.min(atTop, atBottom));
      exit = Math.min(1, Math.max(atTop, atBottom));
    }
    if (enter > exit || (dy === 0 && !inside(a))) {
      closePiece();
      continue;
    }

    const along = (t: number) => ({ x: a.x + (b.x - a.x) * t, y: a.y + dy * t });
    if (current.length === 0) current.push(enter === 0 ? a : along(enter));
    current.push(exit === 1 ? b : along(exit));
    if (exit < 1) closePiece();
  }
  closePiece();
  return pieces;
}

/**
 * Reduce a polyline to the lowest and highest point of each pixel column, at most two vertices
 * per px of plot width, then drop the points within simplifyTolerance of the line through
 * their neighbours (Douglas–Peucker). The first, last, lowest and highest points are always kept.
 */
function simplifyPolyline(points: readonly Point[]): Point[] {
  if (points.length <= 2) return [...points];
  return douglasPeucker(pixelColumnExtremes(points));
}

function pixelColumnExtremes(points: readonly Point[]): Point[] {
  const keep = new Set<number>([0, points.length - 1]);
  let column = Math.floor(points[0]!.x);
  let lowest = 0;
  let highest = 0;
  for (let i = 1; i < points.length; i++) {
    const key = Math.floor(points[i]!.x);
    if (key !== column) {
      keep.add(lowest).add(highest);
      column = key;
      lowest = i;
      highest = i;
      continue;
    }
    if (points[i]!.y < points[lowest]!.y) lowest = i;
    if (points[i]!.y > points[highest]!.y) highest = i;
  }
  keep.add(lowest).add(highest);
  return [...keep].sort((a, b) => a - b).map((i) => points[i]!);
}

function douglasPeucker(points: readonly Point[]): Point[] {
  const last = points.length - 1;
  const keep = points.map((_point, i) => i === 0 || i === last);
  let lowest = 0;
  let highest = 0;
  points.forEach((point, i) => {
    if (point.y < points[lowest]!.y) lowest = i;
    if (point.y > points[highest]!.y) highest = i;
  });
  keep[lowest] = true;
  keep[highest] = true;

  const anchors = keep.flatMap((marked, i) => (marked ? [i] : []));
  const pending = anchors.slice(1).map((end, i) => [anchors[i]!, end] as const);
  while (pending.length > 0) {
    const [start, end] = pending.pop()!;
    let farthest = -1;
    let distance = simplifyTolerance;
    for (let i = start + 1; i < end; i++) {
      const d = distanceToSegment(points[i]!, points[start]!, points[end]!);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = true;
    pending.push([start, farthest], [farthest, end]);
  }
  return points.filter((_point, i) => keep[i]);
}

function distanceToSegment(point: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((point.x - a.x) * dx + (point.y - a.y) * dy) / lengthSquared));
  return Math.hypot(point.x - a.x - t * dx, point.y - a.y - t * dy);
}

/**
 * Write the path data of polylines: an absolute move to each start, then relative line steps between
 * the rounded points, which keeps the file small and the rounding from drifting. A single
 * point becomes a zero-length step, which the round line cap draws as a dot.
 */
function pathData(polylines: readonly (readonly Point[])[]): string {
  let data = '';
  for (const polyline of polylines) {
    let x = round(polyline[0]!.x);
    let y = round(polyline[0]!.y);
    const steps: number[] = [];
    for (const point of polyline.slice(1)) {
      const nextX = round(point.x);
      const nextY = round(point.y);
      if (nextX === x && nextY === y) continue;
      steps.push(round(nextX - x), round(nextY - y));
      x = nextX;
      y = nextY;
    }
    if (steps.length === 0) steps.push(0, 0);
    data += `M${num(polyline[0]!.x)} ${num(polyline[0]!.y)}l${joinNumbers(steps)}`;
  }
  return data;
}

/**
 * Join path numbers compactly, as SVG's path grammar allows: without a leading zero (.5), and
 * without a space before a minus sign, or before a point when the previous number has one.
 */
function joinNumbers(values: readonly number[]): string {
  let data = '';
  let previous = '';
  for (const value of values) {
    const token = num(value).replace(/^(-?)0\./, '$1.');
    const separated = previous === '' || token.startsWith('-') || (token.startsWith('.') && previous.includes('.'));
    data += separated ? token : ` ${token}`;
    previous = token;
  }
  return data;
}

// ---------------------------------------------------------------------------------------
// Layout

/** A plot area: its top-left corner in the figure and its size, in px. */
interface Frame {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface GridOptions {
  readonly count: number;
  readonly columns: number;
  readonly width: number;
  readonly aspect: number;
  /** Panel titles, which set the height of the band above each row: none, one line or two. */
  readonly titles: readonly (string | undefined)[];
  /** y where the first row's title band starts. */
  readonly top: number;
  /** Width left of a plot for its y tick labels. */
  readonly gutter: number;
  /** Whether every column has y tick labels, or only the first. */
  readonly gutterEverywhere: boolean;
  /** Space between a plot and the next column's gutter. */
  readonly gap: number;
}

interface Grid {
  readonly frames: readonly Frame[];
  /** Space between a plot and the next column. */
  readonly gap: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
  /** y below the last row's x tick labels. */
  readonly bottom: number;
}

function layOutGrid(options: GridOptions): Grid {
  const { count, columns, width, aspect, gutter, gap } = options;
  const gutters = options.gutterEverywhere ? columns * gutter : gutter;
  const plotWidth = (width - 2 * margin - rightPadding - gutters - (columns - 1) * gap) / columns;
  if (plotWidth < 40) throw new Error(`invalid chart width ${width}: its ${columns} columns would be ${Math.floor(plotWidth)} px wide. Make it wider or use fewer columns.`);
  const plotHeight = Math.round(plotWidth * aspect);
  const titleLines = Math.max(0, ...options.titles.map((title) => (title === undefined ? 0 : fittedTitle(title, plotWidth + gap - 6).lines.length)));
  const band = titleLines === 0 ? untitledBand : titleBand + (titleLines - 1) * titleLineHeight;
  const rowHeight = band + plotHeight + xTickBand;
  const columnWidth = plotWidth + gap + (options.gutterEverywhere ? gutter : 0);

  const frames = Array.from({ length: count }, (_frame, index) => ({
    x: margin + gutter + (index % columns) * columnWidth,
    y: options.top + Math.floor(index / columns) * rowHeight + band,
    width: plotWidth,
    height: plotHeight,
  }));
  return { frames, plotWidth, plotHeight, gap, bottom: options.top + Math.ceil(count / columns) * rowHeight };
}

function defaultColumns(count: number): number {
  if (count <= 4) return count;
  return count <= 16 ? 4 : 6;
}

/** Draw a panel: its title centred above the plot area, then its elements in the plot's coordinates. */
function panelGroup(grid: Grid, index: number, title: string | undefined, elements: readonly string[]): string {
  const frame = grid.frames[index]!;
  const lines = [`<g transform="translate(${num(frame.x)} ${num(frame.y)})">`];
  if (title !== undefined) {
    const fitted = fittedTitle(title, frame.width + grid.gap - 6);
    fitted.lines.forEach((line, row) => {
      const y = -6 - (fitted.lines.length - 1 - row) * titleLineHeight;
      lines.push(text(line, frame.width / 2, y, fitted.size, 'middle'));
    });
  }
  lines.push(...elements, '</g>');
  return lines.join('\n');
}

/**
 * Fit a panel title into `room` px. It goes on one line at the largest font size from 11 px
 * down to 9 px that fits. Otherwise it is broken at the space that best balances two lines,
 * and as a last resort the second line at 9 px ends with an ellipsis.
 */
function fittedTitle(title: string, room: number): { lines: string[]; size: number } {
  for (let size = panelTitleFontSize; size >= minimumPanelTitleFontSize; size--) {
    if (textWidth(title, size) <= room) return { lines: [title], size };
  }

  const words = title.split(' ');
  const splits = Array.from({ length: Math.max(0, words.length - 1) }, (_split, index) => [words.slice(0, index + 1).join(' '), words.slice(index + 1).join(' ')]);
  for (let size = panelTitleFontSize; size >= minimumPanelTitleFontSize; size--) {
    const widest = (pair: string[]) => Math.max(...pair.map((line) => textWidth(line, size)));
    const best = [...splits].sort((a, b) => widest(a) - widest(b))[0];
    if (best !== undefined && widest(best) <= room) return { lines: best, size };
  }

  const size = minimumPanelTitleFontSize;
  const first = words.length > 1 ? (splits.filter((pair) => textWidth(pair[0]!, size) <= room).at(-1)?.[0] ?? words[0]!) : '';
  const characters = [...title.slice(first.length).trimStart()];
  while (characters.length > 1 && textWidth(`${characters.join('')}…`, size) > room) characters.pop();
  const rest = `${characters.join('').trimEnd()}…`;
  return { lines: first === '' ? [rest] : [first, rest], size };
}

/** Draw light horizontal lines at the y ticks inside the plot. */
function gridLines(frame: Frame, yAxis: Axis): string[] {
  const inner = yAxis.ticks.filter((tick) => tick > yAxis.min && tick < yAxis.max);
  if (inner.length === 0) return [];
  const data = inner.map((tick) => {
    const y = (1 - axisFraction(yAxis, tick)) * frame.height;
    return `M0 ${num(y)}L${num(frame.width)} ${num(y)}`;
  });
  return [`<path d="${data.join('')}" fill="none" stroke="${chrome.grid}" stroke-width="0.8"/>`];
}

/** Draw the plot's frame, tick marks on its left and bottom, and the tick labels where requested. */
function axesElements(frame: Frame, xAxis: Axis, yAxis: Axis, show: { readonly xLabels: boolean; readonly yLabels: boolean }): string[] {
  const xs = xAxis.ticks.map((tick) => axisFraction(xAxis, tick) * frame.width);
  const ys = yAxis.ticks.map((tick) => (1 - axisFraction(yAxis, tick)) * frame.height);
  const marks = [
    ...xs.map((x) => `M${num(x)} ${num(frame.height)}l0 ${tickLength}`),
    ...ys.map((y) => `M0 ${num(y)}l${-tickLength} 0`),
  ];

  const elements = [
    `<rect x="0" y="0" width="${num(frame.width)}" height="${num(frame.height)}" fill="none" stroke="${chrome.frame}" stroke-width="0.8"/>`,
    `<path d="${marks.join('')}" fill="none" stroke="${chrome.frame}" stroke-width="0.8"/>`,
  ];
  if (show.xLabels) {
    const baseline = frame.height + tickLength + tickFontSize + 1;
    xAxis.labels.forEach((label, i) => elements.push(text(label, xs[i]!, baseline, tickFontSize, 'middle', chrome.mutedInk)));
  }
  if (show.yLabels) {
    ys.forEach((y, i) => elements.push(text(yAxis.labels[i]!, -tickLength - 3, y + 0.35 * tickFontSize, tickFontSize, 'end', chrome.mutedInk)));
  }
  return elements;
}

// ---------------------------------------------------------------------------------------
// Header, legend and footer

/** Draw the figure's title centred at the top, then the y label at the left, and return the y below them. */
function headerElements(width: number, title: string | undefined, yLabel: string | undefined): { elements: string[]; bottom: number } {
  const elements: string[] = [];
  let bottom = margin;
  if (title !== undefined) {
    elements.push(text(title, width / 2, bottom + titleFontSize, titleFontSize, 'middle'));
    bottom += titleFontSize + 8;
  }
  if (yLabel !== undefined) {
    elements.push(text(yLabel, margin, bottom + labelFontSize, labelFontSize, 'start', chrome.mutedInk));
    bottom += labelFontSize + 6;
  }
  return { elements, bottom };
}

interface LegendEntry {
  readonly label: string;
  readonly color: string;
  /** A short line like the series, or a dot like a heatmap's data point. */
  readonly marker: 'line' | 'dot';
  readonly dashed: boolean;
}

/** Draw the x label centred under the plots, then the legend in centred rows. */
function footerElements(grid: Grid, xLabel: string | undefined, legend: readonly LegendEntry[], width: number): { elements: string[]; bottom: number } {
  const elements: string[] = [];
  let bottom = grid.bottom;
  if (xLabel !== undefined) {
    const left = Math.min(...grid.frames.map((frame) => frame.x));
    const right = Math.max(...grid.frames.map((frame) => frame.x + frame.width));
    elements.push(text(xLabel, (left + right) / 2, bottom + labelFontSize - 4, labelFontSize, 'middle', chrome.mutedInk));
    bottom += labelFontSize + 2;
  }
  if (legend.length > 0) {
    bottom += 6;
    for (const row of legendRows(legend, width - 2 * margin)) {
      elements.push(...legendRow(row, width, bottom));
      bottom += legendRowHeight;
    }
  }
  return { elements, bottom };
}

function legendEntryWidth(entry: LegendEntry): number {
  return legendSwatchWidth + 5 + textWidth(entry.label, legendFontSize);
}

/** Split the entries into rows no wider than `width`, in order. */
function legendRows(entries: readonly LegendEntry[], width: number): LegendEntry[][] {
  const rows: LegendEntry[][] = [];
  let row: LegendEntry[] = [];
  let used = 0;
  for (const entry of entries) {
    const needed = legendEntryWidth(entry) + (row.length > 0 ? legendEntryGap : 0);
    if (row.length > 0 && used + needed > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += row.length > 0 ? needed : legendEntryWidth(entry);
    row.push(entry);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function legendRow(row: readonly LegendEntry[], width: number, top: number): string[] {
  const rowWidth = row.reduce((sum, entry) => sum + legendEntryWidth(entry), 0) + (row.length - 1) * legendEntryGap;
  let x = (width - rowWidth) / 2;
  const middle = top + legendRowHeight / 2;
  const elements: string[] = [];
  for (const entry of row) {
    if (entry.marker === 'line') {
      elements.push(`<line x1="${num(x)}" y1="${num(middle)}" x2="${num(x + legendSwatchWidth)}" y2="${num(middle)}" ${strokeAttributes(entry.color, 2, 1, entry.dashed)}/>`);
    } else {
      elements.push(`<circle cx="${num(x + legendSwatchWidth / 2)}" cy="${num(middle)}" r="4.5" fill="${escapeXml(entry.color)}" stroke="${chrome.ink}" stroke-width="1"/>`);
    }
    elements.push(text(entry.label, x + legendSwatchWidth + 5, middle + 0.35 * legendFontSize, legendFontSize, 'start'));
    x += legendEntryWidth(entry) + legendEntryGap;
  }
  return elements;
}

// ---------------------------------------------------------------------------------------
// SVG output

function svgDocument(width: number, height: number, elements: readonly string[]): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<rect x="0" y="0" width="${w}" height="${h}" fill="${chrome.background}"/>`,
    ...elements,
    '</svg>',
    '',
  ].join('\n');
}

function text(content: string, x: number, y: number, size: number, anchor: 'start' | 'middle' | 'end', fill: string = chrome.ink): string {
  return `<text x="${num(x)}" y="${num(y)}" font-family="${fontFamily}" font-size="${size}" fill="${fill}" text-anchor="${anchor}">${escapeXml(content)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, color: string, width: number): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${color}" stroke-width="${num(width)}"/>`;
}

function strokeAttributes(color: string, width: number, opacity: number, dashed: boolean): string {
  let attributes = `stroke="${escapeXml(color)}" stroke-width="${num(width)}"`;
  if (opacity < 1) attributes += ` stroke-opacity="${num(Math.max(0, opacity))}"`;
  if (dashed) attributes += ` stroke-dasharray="${num(3 * width)} ${num(2 * width)}"`;
  return attributes;
}

function escapeXml(content: string): string {
  return content.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Format a number with at most two decimals and no negative zero, so that output is stable. */
function num(value: number): string {
  const rounded = round(value);
  return String(rounded === 0 ? 0 : rounded);
}

/** Mix two #rrggbb colours: `amount` 0 gives `from`, 1 gives `to`. */
function mixColors(from: string, to: string, amount: number): string {
  const channel = (color: string, index: number) => parseInt(color.slice(1 + 2 * index, 3 + 2 * index), 16);
  const mixed = [0, 1, 2].map((index) => Math.round(channel(from, index) + (channel(to, index) - channel(from, index)) * amount));
  return `#${mixed.map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Estimated width of a text in px, close to DejaVu Sans, the PDF's sans font. It only
 * reserves room for labels, so it errs on the wide side.
 */
function textWidth(content: string, size: number): number {
  let em = 0;
  for (const character of content) {
    if (' .,:;|!ilj\'′()'.includes(character)) em += 0.36;
    else if ('mwMW'.includes(character)) em += 0.92;
    else if ('⁰¹²³⁴⁵⁶⁷⁸⁹⁻₀₁₂₃₄₅₆₇₈₉'.includes(character)) em += 0.42;
    else em += 0.64;
  }
  return em * size;
}

function checkPanels(count: number, columns: number | undefined): void {
  if (count === 0) throw new Error('missing panels: a chart needs at least one panel');
  if (columns !== undefined && !(Number.isInteger(columns) && columns >= 1)) throw new Error(`invalid columns ${columns}: use a positive integer`);
}

function checkSameLength(xs: ArrayLike<number> | undefined, values: ArrayLike<number>, description: string): void {
  if (xs !== undefined && xs.length !== values.length) throw new Error(`invalid chart data: ${description} differ in length (${xs.length} and ${values.length}). Give one x per value.`);
}

function checkRange(range: readonly [number, number]): [number, number] {
  const [low, high] = range;
  if (!(Number.isFinite(low) && Number.isFinite(high) && high > low)) throw new Error(`invalid range [${low}, ${high}]: give two finite numbers, the first below the second`);
  return [low, high];
}

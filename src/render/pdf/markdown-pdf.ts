import { tex as texPlugin } from '@mdit/plugin-tex';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { UserError } from '../../errors.js';
import type { Lang } from '../../i18n/lang.js';
import { pdfMessages } from '../../i18n/pdf.js';
import type { FontName } from './fonts.js';
import { breakLines, inlinePieces, lineMetrics, type InlineLine, type InlineStyle } from './inline.js';
import { TexError, typesetMath, type MathBox } from './mathjax.js';
import { splitAtEquals, splitAtPlus } from './split.js';
import { MissingGlyphError, PdfWriter, type Paper } from './writer.js';

export { splitAtEquals } from './split.js';

export interface PdfOptions {
  readonly lang: Lang;
  readonly paper: Paper;
  /** Name of the document in error messages, e.g. `solucion.md`. */
  readonly documentName: string;
  /** SVG images by the path the Markdown uses for them. */
  readonly images?: ReadonlyMap<string, string>;
}

const bodySize = 10.5;
const mathSize = 11.5;
/** Advance width of every character of DejaVu Sans Mono, in em. */
const monoAdvance = 1233 / 2048;
const headingSizes: Record<string, number> = { h1: 18, h2: 14.5, h3: 12.5, h4: 11.2, h5: 10.5, h6: 10.5 };

/** Word widths by font, size and text: measuring with fontkit is the slowest step of layout. */
const widths = new Map<string, number>();

const parser = new MarkdownIt({ html: false, linkify: false }).use(texPlugin, { render: () => '' });

/**
 * Render Markdown with $…$ and $$…$$ math to a PDF: headings, paragraphs, emphasis,
 * lists, tables, code, SVG images and MathJax formulas, with a header and page numbers.
 * Errors in the Markdown or its TeX name the document and the line.
 */
export async function markdownToPdf(markdown: string, options: PdfOptions): Promise<Buffer> {
  const tokens = parser.parse(markdown, {});
  const writer = new PdfWriter(options.paper);
  const renderer = new BlockRenderer(writer, options);
  renderer.render(tokens);
  writer.finishPages(firstHeading(tokens) ?? options.documentName, pdfMessages[options.lang].pageOf);
  return writer.toBuffer();
}

class BlockRenderer {
  private line = 0;
  private indent = 0;
  private readonly listCounters: (number | null)[] = [];

  constructor(
    private readonly writer: PdfWriter,
    private readonly options: PdfOptions,
  ) {}

  render(tokens: Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.map) this.line = token.map[0] + 1;
      try {
        i = this.block(tokens, i);
      } catch (error) {
        throw this.located(error);
      }
    }
  }

  /** Render the block starting at tokens[i] and return the index of its last token. */
  private block(tokens: Token[], i: number): number {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open':
        this.heading(token.tag, tokens[i + 1]!.children ?? [], this.followingTableHeight(tokens, i + 3));
        return i + 2;
      case 'paragraph_open':
        this.paragraph(tokens[i + 1]!.children ?? []);
        return i + 2;
      case 'bullet_list_open':
      case 'ordered_list_open':
        this.listCounters.push(token.type === 'ordered_list_open' ? Number(token.attrGet('start') ?? 1) : null);
        this.indent += 16;
        return i;
      case 'bullet_list_close':
      case 'ordered_list_close':
        this.listCounters.pop();
        this.indent -= 16;
        this.writer.space(4);
        return i;
      case 'list_item_open':
        this.listItem(tokens, i);
        return i;
      case 'math_block':
        this.displayMath(token.content.trim());
        return i;
      case 'table_open':
        return this.table(tokens, i);
      case 'fence':
      case 'code_block':
        this.code(token.content);
        return i;
      case 'hr':
        this.writer.space(6);
        this.writer.rule(this.writer.page.left, this.writer.y, this.writer.page.width);
        this.writer.space(8);
        return i;
      default:
        return i;
    }
  }

  /**
   * Measure the table starting at tokens[i]; return 0 when there is none or it needs more
   * than half a page. A heading right after a heading needs room for both and what follows.
   */
  private followingTableHeight(tokens: Token[], i: number): number {
    if (tokens[i]?.type === 'heading_open') return 220;
    if (tokens[i]?.type !== 'table_open') return 0;
    const height = new TableLayout(this, collectRows(tokens, i).rows).height();
    return height <= (this.writer.page.bottom - this.writer.page.top) / 2 ? height : 0;
  }

  private heading(tag: string, children: Token[], followingHeight: number): void {
    const size = headingSizes[tag] ?? bodySize;
    const style: InlineStyle = { family: 'sans', size, bold: true, mathSize: size * 1.08 };
    const lines = this.lines(children, style, this.writer.page.width);
    this.writer.space(size * 0.9);
    // Keep a heading with what follows it: room for a short paragraph and a diagram or a
    // few equations, so that a section never starts on the last lines of a page.
    this.writer.reserve(linesHeight(lines, size) + Math.max(160, followingHeight + 20));
    this.drawLines(lines, this.writer.page.left, size);
    this.writer.y += size * 0.35;
  }

  private paragraph(children: Token[]): void {
    const image = children.length === 1 && children[0]!.type === 'image' ? children[0]! : null;
    if (image !== null) {
      this.image(image);
      return;
    }
    const style: InlineStyle = { family: 'serif', size: bodySize, bold: false, mathSize };
    const left = this.writer.page.left + this.indent;
    const lines = this.lines(children, style, this.writer.page.width - this.indent);
    // A lead-in such as "Producto:" stays on the page of the block it introduces.
    const leadIn = /:\s*$/.test(children.map((child) => child.content).join(''));
    if (leadIn) this.writer.reserve(linesHeight(lines, bodySize) + 4 * bodySize);
    for (const line of lines) {
      const height = lineHeight(line, bodySize);
      this.writer.reserve(height);
      this.writer.drawLine(line, left, this.writer.y + line.ascent + gap(bodySize) / 2);
      this.writer.y += height;
    }
    this.writer.y += bodySize * 0.45;
  }

  private listItem(tokens: Token[], i: number): void {
    const counters = this.listCounters;
    const counter = counters[counters.length - 1];
    const marker = counter === null || counter === undefined ? '•' : `${counter}.`;
    if (typeof counter === 'number') counters[counters.length - 1] = counter + 1;

    // The marker goes on the baseline of the item's first line, drawn by the next paragraph.
    const next = tokens[i + 1];
    if (next?.type === 'paragraph_open') {
      const style: InlineStyle = { family: 'serif', size: bodySize, bold: false, mathSize };
      const first = this.lines(tokens[i + 2]!.children ?? [], style, this.writer.page.width - this.indent)[0];
      if (first !== undefined) {
        this.writer.reserve(lineHeight(first, bodySize));
        const baseline = this.writer.y + first.ascent + gap(bodySize) / 2;
        this.writer.drawText(marker, 'serif', bodySize, this.writer.page.left + this.indent - 12, baseline);
      }
    }
  }

  /**
   * Draw a display equation, centred. One wider than the page is broken before its
   * top-level `=` signs into indented lines, and a piece still too wide is scaled down.
   */
  private displayMath(tex: string): void {
    const width = this.writer.page.width - this.indent;
    // Pieces too wide for a line are split again before their top-level + signs.
    const pieces = splitAtEquals(tex)
      .flatMap((piece) => {
        const box = typesetMath(piece, true);
        return box.width * mathSize > width * 0.7 ? splitAtPlus(piece) : [piece];
      })
      .map((piece) => ({ tex: piece, box: typesetMath(piece, true) }));
    const gapWidth = (5 / 18) * mathSize;
    const rows = arrangePieces(pieces, width, gapWidth);
    const heights = rows.map((row) => rowMetrics(row.pieces, row.scale));
    const total = heights.reduce((sum, h) => sum + h.ascent + h.descent + 4, 0);

    this.writer.space(3);
    this.writer.reserve(total);
    rows.forEach((row, index) => {
      const metrics = heights[index]!;
      const rowWidth = rowWidthOf(row.pieces, gapWidth) * row.scale;
      const x = rows.length === 1 ? this.writer.page.left + this.indent + (width - rowWidth) / 2 : this.writer.page.left + this.indent + (index === 0 ? 0 : Math.min(rows[0]!.pieces[0]!.box.width * mathSize + gapWidth, width * 0.3));
      const baseline = this.writer.y + metrics.ascent;
      let cursor = x;
      for (const piece of row.pieces) {
        this.writer.drawMath(piece.box, piece.tex, mathSize, cursor, baseline, row.scale);
        cursor += (piece.box.width * mathSize + gapWidth) * row.scale;
      }
      this.writer.y += metrics.ascent + metrics.descent + 4;
    });
    this.writer.space(5);
  }

  private table(tokens: Token[], start: number): number {
    const { rows, end } = collectRows(tokens, start);
    new TableLayout(this, rows).draw();
    return end;
  }

  /**
   * Lay out inline tokens in lines of `width` points. Used by the table layout too, where
   * `splitLongWords` splits a word wider than its column.
   */
  lines(children: Token[], style: InlineStyle, width: number, splitLongWords = false): InlineLine[] {
    const measure = (text: string, font: FontName, size: number) => {
      const key = `${font}/${size}/${text}`;
      const known = widths.get(key);
      if (known !== undefined) return known;
      const width = this.writer.document.font(font).fontSize(size).widthOfString(text);
      if (widths.size > 50_000) widths.clear();
      widths.set(key, width);
      return width;
    };
    return breakLines(inlinePieces(children, style, measure), width, { splitLongWords });
  }

  get pdf(): PdfWriter {
    return this.writer;
  }

  /**
   * Draw a code block. A line too long for the page makes the whole block smaller, down to
   * two thirds of its size. A line still too long is broken, never cut at the margin.
   */
  private code(text: string): void {
    const left = this.writer.page.left + this.indent + 8;
    const width = this.writer.page.left + this.writer.page.width - left;
    const longest = Math.max(1, ...text.replace(/\n$/, '').split('\n').map((line) => [...line].length));
    const size = Math.max(bodySize * 0.6, Math.min(bodySize * 0.9, width / (longest * monoAdvance)));
    const perLine = Math.max(1, Math.floor(width / (size * monoAdvance)));
    const lines = text
      .replace(/\n$/, '')
      .split('\n')
      .flatMap((line) => {
        const characters = [...line];
        if (characters.length <= perLine) return [line];
        return Array.from({ length: Math.ceil(characters.length / perLine) }, (_v, i) => characters.slice(i * perLine, (i + 1) * perLine).join(''));
      });
    this.writer.space(2);
    // A block of up to a third of a page is never split across pages.
    const blockHeight = lines.length * size * 1.35;
    if (blockHeight <= (this.writer.page.bottom - this.writer.page.top) / 3) this.writer.reserve(blockHeight);
    for (const line of lines) {
      this.writer.reserve(size * 1.35);
      this.writer.drawText(line, 'mono', size, left, this.writer.y + size);
      this.writer.y += size * 1.35;
    }
    this.writer.y += bodySize * 0.5;
  }

  private image(token: Token): void {
    const source = token.attrGet('src') ?? '';
    const svg = this.options.images?.get(source);
    if (svg === undefined) {
      throw new UserError((lang) => pdfMessages[lang].missingImage(this.options.documentName, this.line, source));
    }
    const size = svgSize(svg);
    const scale = Math.min(1, this.writer.page.width / size.width, (this.writer.page.bottom - this.writer.page.top) / size.height);
    const width = size.width * scale;
    const height = size.height * scale;
    this.writer.space(4);
    // Room for two lines below, so that a caption under the figure stays on its page.
    this.writer.reserve(Math.min(height + 2 * (bodySize * (lineMetrics.textAscent + lineMetrics.textDescent) + gap(bodySize)), this.writer.page.bottom - this.writer.page.top));
    this.writer.drawSvg(svg, this.writer.page.left + (this.writer.page.width - width) / 2, this.writer.y, width, height);
    this.writer.y += height + 8;
  }

  private drawLines(lines: InlineLine[], left: number, size: number): void {
    for (const line of lines) {
      this.writer.drawLine(line, left, this.writer.y + line.ascent + gap(size) / 2);
      this.writer.y += lineHeight(line, size);
    }
  }

  /** Turn an error into a user error that names the document and the line. */
  private located(error: unknown): unknown {
    const { documentName } = this.options;
    const line = this.line;
    if (error instanceof TexError) {
      return new UserError((lang) => pdfMessages[lang].texError(documentName, line, error.reason, error.tex));
    }
    if (error instanceof MissingGlyphError) {
      return new UserError((lang) => pdfMessages[lang].missingGlyph(documentName, line, error.character));
    }
    return error;
  }
}

interface TableRow {
  cells: Token[][];
  header: boolean;
  align: (string | null)[];
}

/** A table with columns sized to their content, rows never split, the header repeated on each page. */
class TableLayout {
  private readonly padding = 4;

  constructor(
    private readonly blocks: BlockRenderer,
    private readonly rows: TableRow[],
  ) {}

  height(): number {
    const widths = this.columnWidths(this.blocks.pdf.page.width);
    return this.rows.reduce((sum, row) => sum + this.layRow(row, widths).height, 0);
  }

  draw(): void {
    const writer = this.blocks.pdf;
    const widths = this.columnWidths(writer.page.width);
    const header = this.rows.find((row) => row.header);
    const laidRows = this.rows.map((row) => this.layRow(row, widths));
    const total = laidRows.reduce((sum, laid) => sum + laid.height, 0);
    writer.space(4);
    // A table that fits on half a page is kept whole rather than split with a lone last row.
    if (total <= (writer.page.bottom - writer.page.top) / 2) writer.reserve(total);
    for (const [index, row] of this.rows.entries()) {
      const laid = laidRows[index]!;
      if (writer.y + laid.height > writer.page.bottom && header !== undefined && !row.header) {
        writer.reserve(writer.page.bottom);
        this.drawRow(header, this.layRow(header, widths), widths);
      }
      this.drawRow(row, laid, widths);
    }
    writer.y += bodySize * 0.6;
  }

  private style(row: TableRow): InlineStyle {
    return { family: 'serif', size: bodySize * 0.95, bold: row.header, mathSize: mathSize * 0.95 };
  }

  /**
   * Columns as wide as their content when the table fits. Otherwise, as a browser does, each
   * column first gets its widest word, and the space left is shared in proportion to
   * how much more each column would need to fit its content on one line.
   */
  private columnWidths(available: number): number[] {
    const count = Math.max(...this.rows.map((row) => row.cells.length));
    const widest = (column: number, lineWidth: number) =>
      Math.max(...this.rows.map((row) => {
        const lines = this.blocks.lines(row.cells[column] ?? [], this.style(row), lineWidth);
        return Math.max(0, ...lines.map((line) => line.width));
      })) + 2 * this.padding;
    const natural = Array.from({ length: count }, (_v, column) => widest(column, Number.POSITIVE_INFINITY));
    const total = natural.reduce((sum, width) => sum + width, 0);
    if (total <= available) return natural;

    // A word wider than a third of the page is split in its cell rather than widen its column.
    const minimum = Array.from({ length: count }, (_v, column) => Math.min(widest(column, 0), available / 3));
    const least = minimum.reduce((sum, width) => sum + width, 0);
    if (least >= available) return minimum.map((width) => (width / least) * available);
    const extra = natural.map((width, column) => width - minimum[column]!);
    const totalExtra = extra.reduce((sum, width) => sum + width, 0);
    return minimum.map((width, column) => width + (extra[column]! / totalExtra) * (available - least));
  }

  private layRow(row: TableRow, widths: number[]): { lines: InlineLine[][]; height: number } {
    const lines = row.cells.map((cell, column) => this.blocks.lines(cell, this.style(row), widths[column]! - 2 * this.padding, true));
    const height = Math.max(...lines.map((cell) => linesHeight(cell, bodySize))) + 2 * this.padding;
    return { lines, height };
  }

  private drawRow(row: TableRow, laid: { lines: InlineLine[][]; height: number }, widths: number[]): void {
    const writer = this.blocks.pdf;
    writer.reserve(laid.height);
    let x = writer.page.left;
    laid.lines.forEach((cell, column) => {
      let y = writer.y + this.padding;
      for (const line of cell) {
        const offset = row.align[column] === 'right' ? widths[column]! - 2 * this.padding - line.width : 0;
        writer.drawLine(line, x + this.padding + offset, y + line.ascent + gap(bodySize) / 2);
        y += lineHeight(line, bodySize);
      }
      x += widths[column]!;
    });
    const tableWidth = widths.reduce((sum, width) => sum + width, 0);
    writer.rule(writer.page.left, writer.y + laid.height, tableWidth, row.header ? '#444444' : '#cccccc', row.header ? 0.8 : 0.4);
    writer.y += laid.height;
  }
}

/** Collect the rows of the table starting at tokens[start] and find the index of its table_close. */
function collectRows(tokens: Token[], start: number): { rows: TableRow[]; end: number } {
  const rows: TableRow[] = [];
  let current: TableRow | null = null;
  let i = start;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const token = tokens[i]!;
    if (token.type === 'tr_open') current = { cells: [], header: false, align: [] };
    if (current !== null && (token.type === 'th_open' || token.type === 'td_open')) {
      current.header = token.type === 'th_open';
      current.align.push(/right/.test(token.attrGet('style') ?? '') ? 'right' : null);
      current.cells.push(tokens[i + 1]!.children ?? []);
    }
    if (token.type === 'tr_close' && current !== null) rows.push(current);
  }
  return { rows, end: i };
}

function gap(size: number): number {
  return size * 0.38;
}

function lineHeight(line: InlineLine, size: number): number {
  return line.ascent + line.descent + gap(size);
}

function linesHeight(lines: InlineLine[], size: number): number {
  return lines.reduce((sum, line) => sum + lineHeight(line, size), 0);
}

interface Piece {
  readonly tex: string;
  readonly box: MathBox;
}

/** Fill rows greedily with pieces; a row holding one piece that is still too wide is scaled down. */
function arrangePieces(pieces: Piece[], width: number, gapWidth: number): { pieces: Piece[]; scale: number }[] {
  const rows: { pieces: Piece[]; scale: number }[] = [];
  const indent = Math.min((pieces[0]?.box.width ?? 0) * mathSize + gapWidth, width * 0.3);
  let current: Piece[] = [];
  for (const piece of pieces) {
    const available = rows.length === 0 ? width : width - indent;
    if (current.length > 0 && rowWidthOf([...current, piece], gapWidth) > available) {
      rows.push({ pieces: current, scale: 1 });
      current = [];
    }
    current.push(piece);
  }
  if (current.length > 0) rows.push({ pieces: current, scale: 1 });

  return rows.map((row, index) => {
    const available = index === 0 ? width : width - indent;
    const rowWidth = rowWidthOf(row.pieces, gapWidth);
    return { pieces: row.pieces, scale: rowWidth > available ? available / rowWidth : 1 };
  });
}

function rowWidthOf(pieces: Piece[], gapWidth: number): number {
  return pieces.reduce((sum, piece) => sum + piece.box.width * mathSize, 0) + gapWidth * Math.max(0, pieces.length - 1);
}

function rowMetrics(pieces: Piece[], scale: number): { ascent: number; descent: number } {
  return {
    ascent: Math.max(...pieces.map((piece) => piece.box.ascent)) * mathSize * scale,
    descent: Math.max(...pieces.map((piece) => piece.box.descent)) * mathSize * scale,
  };
}

/** Read an SVG's size in points from its width and height (px, 0.75 pt each) or its viewBox. */
function svgSize(svg: string): { width: number; height: number } {
  const width = /<svg[^>]*\swidth="([\d.]+)(px|pt)?"/.exec(svg);
  const height = /<svg[^>]*\sheight="([\d.]+)(px|pt)?"/.exec(svg);
  if (width && height) {
    const factor = (unit: string | undefined) => (unit === 'pt' ? 1 : 0.75);
    return { width: Number(width[1]) * factor(width[2]), height: Number(height[1]) * factor(height[2]) };
  }
  const viewBox = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  return { width: Number(viewBox?.[1] ?? 400) * 0.75, height: Number(viewBox?.[2] ?? 300) * 0.75 };
}

function firstHeading(tokens: Token[]): string | null {
  const index = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  return index < 0 ? null : (tokens[index + 1]?.content ?? null);
}

import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { fontNames, missingGlyph, registerFonts, type FontName } from './fonts.js';
import { lineMetrics, type InlineLine } from './inline.js';
import { glyphOutlines, multiply, pathToPdf, type Clip, type Matrix } from './math-paint.js';
import type { MathBox } from './mathjax.js';
import { paintSimpleSvg } from './svg-paint.js';
import { texToText } from './tex-text.js';

export type Paper = 'A4' | 'LETTER';

/** Page geometry in points. */
export interface PageLayout {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly bottom: number;
}

/** A character that no embedded font can draw, found at `line` of the source. */
export class MissingGlyphError extends Error {
  constructor(
    readonly character: string,
    readonly font: FontName,
  ) {
    super(`font ${font} has no glyph for ${character} (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
    this.name = 'MissingGlyphError';
  }
}

/**
 * pdfkit with a cursor: blocks ask for the height they need and get a new page when it
 * does not fit, so an equation or a table row is never split across pages.
 */
interface PdfkitReference {
  end(content: string): void;
}

/** pdfkit internals used to define form XObjects, which its public API does not cover. */
interface PdfkitFont {
  readonly id: string;
  ref(): PdfkitReference;
}

interface PdfkitTextInternals {
  _font: PdfkitFont | undefined;
  page: { height: number; fonts: Record<string, PdfkitReference> };
}

interface PdfkitInternals {
  ref(data: object): PdfkitReference;
  page: { xobjects: Record<string, PdfkitReference> };
}

export class PdfWriter {
  readonly document: typeof PDFDocument.prototype;
  readonly page: PageLayout;
  y: number;
  private readonly glyphs = new Map<string, { name: string; reference: PdfkitReference }>();
  private readonly helvetica: PdfkitFont;

  constructor(paper: Paper) {
    // A fixed creation date (SOURCE_DATE_EPOCH when set): pdfkit derives the file ID from it,
    // so the same input gives the same bytes.
    const epoch = Number(process.env.SOURCE_DATE_EPOCH ?? 946684800);
    this.document = new PDFDocument({
      size: paper,
      margins: { top: 72, bottom: 64, left: 64, right: 64 },
      bufferPages: true,
      info: { CreationDate: new Date(epoch * 1000), Producer: 'cadena', Creator: 'cadena' },
    });
    registerFonts(this.document);
    // pdfkit numbers fonts F1, F2, … in the order of first use. Opening every font here, in
    // a fixed order, keeps those names the same whatever a process has already cached.
    for (const name of fontNames) this.document.font(name);
    this.document.font('Helvetica');
    this.helvetica = (this.document as unknown as PdfkitTextInternals)._font!;
    const { width, height, margins } = this.document.page;
    this.page = { left: margins.left, top: margins.top, width: width - margins.left - margins.right, bottom: height - margins.bottom };
    this.y = this.page.top;
  }

  /** Start a new page unless `height` points still fit on this one. */
  reserve(height: number): void {
    if (this.y + height <= this.page.bottom || this.y === this.page.top) return;
    this.document.addPage();
    this.y = this.page.top;
  }

  space(points: number): void {
    if (this.y > this.page.top) this.y += points;
  }

  /** Draw one laid-out line with its baseline at `baseline`, starting at x. */
  drawLine(line: InlineLine, x: number, baseline: number): void {
    let cursor = x;
    // Words of one font and the spaces between them are drawn as one run: pdfkit's text
    // call costs far more than the glyphs it draws.
    let run: { text: string; font: FontName; size: number; x: number } | null = null;
    const flush = () => {
      if (run !== null) this.drawText(run.text.trimEnd(), run.font, run.size, run.x, baseline);
      run = null;
    };

    for (const piece of line.pieces) {
      if (piece.kind === 'text') {
        if (run !== null && (run.font !== piece.font || run.size !== piece.size)) flush();
        if (run === null) run = { text: '', font: piece.font, size: piece.size, x: cursor };
        run.text += piece.text;
      } else if (piece.kind === 'space' && run !== null) {
        run.text += ' ';
      } else {
        flush();
      }
      if (piece.kind === 'math') this.drawMath(piece.box, piece.tex, piece.size, cursor, baseline);
      if (piece.kind !== 'break') cursor += piece.width;
    }
    flush();
  }

  drawText(text: string, font: FontName, size: number, x: number, baseline: number, color = '#000000'): void {
    this.document.font(font).fontSize(size);
    const missing = missingGlyph(this.document, font, text);
    if (missing !== null) throw new MissingGlyphError(missing, font);
    this.document.fillColor(color).text(text, x, baseline - lineMetrics.textAscent * size, { lineBreak: false });
  }

  /** Draw a formula, scaled by `scale`, with an invisible copy of its text for search and copy. */
  drawMath(box: MathBox, tex: string, size: number, x: number, baseline: number, scale = 1): void {
    const em = size * scale;
    const top = baseline - box.ascent * em;
    const { viewBox, glyphs, rects, paths } = box.drawing;
    const k = em / 1000;
    const base: Matrix = [k, 0, 0, k, x - viewBox[0] * k, top - viewBox[1] * k];
    const doc = this.document;

    // Each item is placed by base × its matrix, clipped first when it lies in a nested svg.
    // The operators are written directly: pdfkit's save/transform/restore calls cost more
    // than the glyphs they draw.
    const operators: string[] = ['0 g'];
    const place = (matrix: Matrix, clip: Clip | null) => {
      if (clip === null) return `q ${matrixText(multiply(base, matrix))} cm`;
      return `q ${matrixText(base)} cm ${pdfNumber(clip.x)} ${pdfNumber(clip.y)} ${pdfNumber(clip.width)} ${pdfNumber(clip.height)} re W n ${matrixText(matrix)} cm`;
    };
    for (const glyph of glyphs) {
      const name = this.glyphXObject(glyph.key);
      if (name !== null) operators.push(`${place(glyph.matrix, glyph.clip)} /${name} Do Q`);
    }
    for (const rect of rects) {
      operators.push(`${place(rect.matrix, rect.clip)} ${pdfNumber(rect.x)} ${pdfNumber(rect.y)} ${pdfNumber(rect.width)} ${pdfNumber(rect.height)} re f Q`);
    }
    for (const path of paths) operators.push(`${place(path.matrix, path.clip)} ${pathToPdf(path.d)} f Q`);
    doc.addContent(operators.join('\n'));
    this.invisibleText(texToText(tex), x, top);
  }

  /** Return the name of a glyph's form XObject, creating it on first use and listing it in this page's resources. */
  private glyphXObject(key: string): string | null {
    let entry = this.glyphs.get(key);
    if (entry === undefined) {
      const outline = glyphOutlines.get(key);
      if (outline === undefined) return null;
      const numbers = (outline.match(/-?\d+(?:\.\d+)?/g) ?? ['0']).map(Number);
      const low = Math.min(0, ...numbers) - 10;
      const high = Math.max(0, ...numbers) + 10;
      const reference = (this.document as unknown as PdfkitInternals).ref({ Type: 'XObject', Subtype: 'Form', BBox: [low, low, high, high] });
      reference.end(`${pathToPdf(outline)}\nf`);
      entry = { name: `G${this.glyphs.size + 1}`, reference };
      this.glyphs.set(key, entry);
    }
    const page = (this.document as unknown as PdfkitInternals).page;
    page.xobjects[entry.name] = entry.reference;
    return entry.name;
  }

  drawSvg(svg: string, x: number, y: number, width: number, height: number): void {
    if (paintSimpleSvg(this, svg, x, y, width, height)) return;
    SVGtoPDF(this.document, svg, x, y, {
      width,
      height,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (family: string, bold: boolean) => {
        if (/mono/i.test(family)) return 'mono';
        return bold ? 'sansBold' : 'sans';
      },
    });
  }

  rule(x: number, y: number, width: number, color = '#999999', thickness = 0.5): void {
    this.document.save().lineWidth(thickness).strokeColor(color).moveTo(x, y).lineTo(x + width, y).stroke().restore();
  }

  /** Text drawn fully transparent, so that PDF readers find and copy formulas as text. */
  private invisibleText(text: string, x: number, y: number): void {
    const latin = toWinAnsi(text);
    if (latin === '') return;
    // Helvetica is one of PDF's standard fonts: no embedding and no shaping. Its encoding is
    // Latin-1, hence the transliteration. The operators are written directly (text render
    // mode 3, invisible) because pdfkit's text() cost more than the formula it labels.
    const doc = this.document as unknown as PdfkitTextInternals;
    const font = this.helvetica;
    doc.page.fonts[font.id] ??= font.ref();
    const size = 4;
    const height = doc.page.height;
    const hex = Buffer.from(latin, 'latin1').toString('hex');
    this.document.addContent(`q 1 0 0 -1 0 ${pdfNumber(height)} cm BT 3 Tr 1 0 0 1 ${pdfNumber(x)} ${pdfNumber(height - y - size)} Tm /${font.id} ${size} Tf <${hex}> Tj ET Q`);
  }

  /** Write the title on every page's header and "Página N de M" in its footer. */
  finishPages(title: string, pageLabel: (page: number, total: number) => string): void {
    const range = this.document.bufferedPageRange();
    const total = range.count;
    const header = this.fittedHeader(title, 8.5);
    for (let index = 0; index < total; index++) {
      this.document.switchToPage(range.start + index);
      const margins = this.document.page.margins;
      const bottom = margins.bottom;
      // Drawing below the bottom margin would make pdfkit start a new page.
      margins.bottom = 0;
      this.drawText(header, 'sans', 8.5, this.page.left, this.page.top - 30, '#555555');
      this.rule(this.page.left, this.page.top - 24, this.page.width, '#bbbbbb');
      const label = pageLabel(index + 1, total);
      const labelWidth = this.document.font('sans').fontSize(8.5).widthOfString(label);
      this.drawText(label, 'sans', 8.5, this.page.left + (this.page.width - labelWidth) / 2, this.page.bottom + 30, '#555555');
      margins.bottom = bottom;
    }
  }

  /** Shortens a running header that is wider than the text column, ending it with an ellipsis. */
  private fittedHeader(title: string, size: number): string {
    const width = (text: string) => this.document.font('sans').fontSize(size).widthOfString(text);
    if (width(title) <= this.page.width) return title;
    const characters = [...title];
    while (characters.length > 1 && width(`${characters.join('')}…`) > this.page.width) characters.pop();
    return `${characters.join('').trimEnd()}…`;
  }

  /** Finish the document and return its bytes. */
  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.document.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.document.on('end', () => resolve(Buffer.concat(chunks)));
      this.document.on('error', reject);
    });
    this.document.end();
    return done;
  }
}

const transliterations: Record<string, string> = {
  σ: 'sigma', η: 'eta', δ: 'delta', α: 'alpha', Σ: 'sum', ŷ: 'y^', '←': '<-', '→': '->', '≤': '<=', '≥': '>=', '∂': 'd', '−': '-',
};

/** Keep the text to what Helvetica's WinAnsi encoding can write, spelling out Greek and arrows. */
function toWinAnsi(text: string): string {
  let result = '';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code >= 0x20 && code <= 0xff) result += character;
    else result += transliterations[character] ?? '';
  }
  return result.trim();
}

/** Format a number for a content stream: at most six decimals, no exponent. */
function pdfNumber(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function matrixText(matrix: Matrix): string {
  return matrix.map(pdfNumber).join(' ');
}

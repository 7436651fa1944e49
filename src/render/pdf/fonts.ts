import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { dirname, join } from 'node:path';
import type PDFDocument from 'pdfkit';

/** The fonts of cadena's PDFs: DejaVu, shipped by npm, with Latin-1, Greek and math symbols. */
export const fontFiles = {
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  serifBoldItalic: 'DejaVuSerif-BoldItalic.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  sansItalic: 'DejaVuSans-Oblique.ttf',
  sansBoldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type FontName = keyof typeof fontFiles;

export const fontNames = Object.keys(fontFiles) as FontName[];

const fontDirectory = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const parsedFonts = new Map<string, fontkit.Font>();

/**
 * Register every font with the document; pdfkit embeds only the glyphs a document uses.
 * The fonts are parsed once per process and shared by every document: parsing their
 * OpenType tables again for each PDF was a quarter of the time of a batch.
 */
export function registerFonts(document: PDFKit.PDFDocument): void {
  for (const [name, file] of Object.entries(fontFiles)) {
    let font = parsedFonts.get(file);
    if (font === undefined) {
      font = fontkit.create(readFileSync(join(fontDirectory, file))) as fontkit.Font;
      memoizeLayout(font);
      parsedFonts.set(file, font);
    }
    // pdfkit accepts a fontkit font object in place of a file (any object with layout()).
    document.registerFont(name, font as unknown as string);
  }
}

/** A shaped run with copies of its positions: pdfkit scales the positions it receives in place. */
class SharedRun {
  constructor(
    readonly glyphs: fontkit.Glyph[],
    readonly positions: fontkit.GlyphPosition[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/**
 * Remember the OpenType shaping of each word across documents: pdfkit's own cache lives
 * only as long as one document, and shaping the same words again for every PDF of a batch
 * was the largest single cost after layout. Calls with explicit features are not cached.
 */
function memoizeLayout(font: fontkit.Font): void {
  const shape = font.layout.bind(font);
  const runs = new Map<string, { glyphs: fontkit.Glyph[]; positions: fontkit.GlyphPosition[] }>();
  const layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    if (features !== undefined || rest.length > 0) return (shape as (...args: unknown[]) => unknown)(text, features, ...rest);
    let run = runs.get(text);
    if (run === undefined) {
      const shaped = shape(text);
      run = { glyphs: shaped.glyphs, positions: shaped.positions.map((position) => ({ ...position })) };
      if (runs.size >= 100_000) runs.clear();
      runs.set(text, run);
    }
    return new SharedRun(run.glyphs, run.positions.map((position) => ({ ...position })));
  };
  (font as unknown as { layout: typeof layout }).layout = layout;
}

interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const checked = new Map<string, Set<number>>();

/**
 * Return the first character of `text` that the current font cannot draw, or null.
 * pdfkit would silently draw an empty box for it.
 */
export function missingGlyph(document: typeof PDFDocument.prototype, fontName: FontName, text: string): string | null {
  const font = (document as unknown as { _font: { font: GlyphFont } })._font.font;
  let known = checked.get(fontName);
  if (known === undefined) checked.set(fontName, (known = new Set()));
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (known.has(codePoint) || codePoint < 0x20) continue;
    if (!font.hasGlyphForCodePoint(codePoint)) return character;
    known.add(codePoint);
  }
  return null;
}

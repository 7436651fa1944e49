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
  for (const name of fontNames) {
    // pdfkit accepts a fontkit font object in place of a file (any object with layout()).
    document.registerFont(name, parsedFont(name) as unknown as string);
  }
}

function parsedFont(name: FontName): fontkit.Font {
  const file = fontFiles[name];
  let font = parsedFonts.get(file);
  if (font === undefined) {
    font = fontkit.create(readFileSync(join(fontDirectory, file))) as fontkit.Font;
    memoizeLayout(font);
    parsedFonts.set(file, font);
  }
  return font;
}

/**
 * Return the first character of `text` that one of the PDF's text fonts (serif, sans and
 * mono) cannot draw, or null. Used to check text from the user before a batch starts.
 */
export function characterOutsideFonts(text: string): string | null {
  const fonts = (['serif', 'serifBold', 'sans', 'sansBold', 'mono'] as const).map(parsedFont);
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint < 0x20) continue;
    if (fonts.some((font) => !font.hasGlyphForCodePoint(codePoint))) return character;
  }
  return null;
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
  const mapped = textOfGlyphs(font);
  const layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    if (features !== undefined || rest.length > 0) return (shape as (...args: unknown[]) => unknown)(text, features, ...rest);
    let run = runs.get(text);
    if (run === undefined) {
      const shaped = shape(text);
      run = { glyphs: shaped.glyphs.map(mapped), positions: shaped.positions.map((position) => ({ ...position })) };
      if (runs.size >= 100_000) runs.clear();
      runs.set(text, run);
    }
    return new SharedRun(run.glyphs, run.positions.map((position) => ({ ...position })));
  };
  (font as unknown as { layout: typeof layout }).layout = layout;
}

/**
 * fontkit keeps one object per glyph for the life of the font, with the code points of the
 * text it was first shaped from: after "Öztürk", the glyph O can carry Ö. pdfkit writes a
 * PDF's text map (what search and copy give) from those code points, so with fonts shared
 * between documents one student's name could change another's PDF. Each glyph is given,
 * instead, the code points that the font's own character map assigns to it (the smallest,
 * for a glyph shared by several); glyphs outside the map, such as ligatures, keep fontkit's.
 */
function textOfGlyphs(font: fontkit.Font): (glyph: fontkit.Glyph) => fontkit.Glyph {
  let byGlyph: Map<number, number[]> | undefined;
  const proxies = new Map<number, fontkit.Glyph>();
  return (glyph) => {
    if (byGlyph === undefined) {
      byGlyph = new Map();
      for (const codePoint of font.characterSet) {
        const id = font.glyphForCodePoint(codePoint).id;
        if (!byGlyph.has(id)) byGlyph.set(id, [codePoint]);
      }
    }
    const codePoints = byGlyph.get(glyph.id);
    if (codePoints === undefined) return glyph;
    let proxy = proxies.get(glyph.id);
    if (proxy === undefined) {
      proxy = Object.create(glyph, { codePoints: { value: codePoints, enumerable: true } }) as fontkit.Glyph;
      proxies.set(glyph.id, proxy);
    }
    return proxy;
  };
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

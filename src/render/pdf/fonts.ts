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
      parsedFonts.set(file, font);
    }
    // pdfkit accepts a fontkit font object in place of a file (any object with layout()).
    document.registerFont(name, font as unknown as string);
  }
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

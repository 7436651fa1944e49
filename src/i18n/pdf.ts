import type { Bilingual } from './lang.js';

/** Texts of the PDF writer: page labels and errors in a document's Markdown. */
export interface PdfMessages {
  readonly pageOf: (page: number, total: number) => string;
  readonly texError: (document: string, line: number, reason: string, tex: string) => string;
  readonly missingGlyph: (document: string, line: number, character: string) => string;
  readonly missingImage: (document: string, line: number, source: string) => string;
}

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const es: PdfMessages = {
  pageOf: (page, total) => `Página ${page} de ${total}`,
  texError: (document, line, reason, tex) =>
    `El documento ${document}, línea ${line}: la fórmula «${tex}» no se puede componer (${reason}). Corrige la fórmula en la plantilla; cadena usa las macros de LaTeX básicas y de amsmath.`,
  missingGlyph: (document, line, character) =>
    `El documento ${document}, línea ${line}: el carácter «${character}» (${codePoint(character)}) no existe en la fuente DejaVu del PDF. Reemplázalo o escríbelo como fórmula.`,
  missingImage: (document, line, source) =>
    `El documento ${document}, línea ${line}: la imagen «${source}» no existe. Revisa el nombre del archivo SVG.`,
};

const en: PdfMessages = {
  pageOf: (page, total) => `Page ${page} of ${total}`,
  texError: (document, line, reason, tex) =>
    `Document ${document}, line ${line}: formula "${tex}" cannot be typeset (${reason}). Fix the formula in the template; cadena supports the basic LaTeX and amsmath macros.`,
  missingGlyph: (document, line, character) =>
    `Document ${document}, line ${line}: character "${character}" (${codePoint(character)}) is not in the PDF's DejaVu font. Replace it or write it as a formula.`,
  missingImage: (document, line, source) =>
    `Document ${document}, line ${line}: image "${source}" not found. Check the SVG file name.`,
};

export const pdfMessages: Bilingual<PdfMessages> = { es, en };

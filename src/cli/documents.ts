import { join } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { report, type CommandContext } from './context.js';
import { displayPath, rejectInputAsOutput, writeOutput } from './files.js';

/** A Markdown document with the SVG figures it refers to by file name. */
export interface FiguredDocument {
  readonly baseName: string;
  readonly markdown: string;
  readonly images: ReadonlyMap<string, string>;
}

export interface DocumentWrite {
  readonly outDirectory: string;
  readonly formats: readonly ('md' | 'pdf')[];
  readonly lang: Lang;
  readonly paper: 'A4' | 'LETTER';
  /** Files the command reads, which no output may replace. */
  readonly inputs: readonly string[];
  readonly quiet: boolean;
}

/**
 * Writes the document as Markdown with its figures and as PDF, as asked, after checking
 * that no output would replace an input. Returns the path of the main file written: the PDF
 * when there is one.
 */
export async function writeDocument(context: CommandContext, document: FiguredDocument, options: DocumentWrite): Promise<string> {
  const { outDirectory, formats } = options;
  const markdownName = `${document.baseName}.md`;
  const files: [string, string | Buffer][] = [];
  if (formats.includes('md')) {
    files.push([markdownName, document.markdown]);
    for (const [name, svg] of document.images) files.push([name, svg]);
  }
  if (formats.includes('pdf')) {
    // Loaded only when asked for: MathJax and pdfkit take memory and startup time.
    const { markdownToPdf } = await import('../render/pdf/markdown-pdf.js');
    const images = new Map(document.images);
    const pdf = await markdownToPdf(document.markdown, { lang: options.lang, paper: options.paper, documentName: markdownName, images });
    files.push([`${document.baseName}.pdf`, pdf]);
  }

  for (const [name] of files) rejectInputAsOutput(join(outDirectory, name), options.inputs);
  for (const [name, content] of files) {
    const path = join(outDirectory, name);
    writeOutput(path, content);
    if (!name.endsWith('.svg')) report(context, options.quiet, context.messages.wrote(displayPath(context.io.cwd, path)));
  }
  return join(outDirectory, formats.includes('pdf') ? `${document.baseName}.pdf` : markdownName);
}

import type { Derivation } from '../derivation/types.js';
import { buildSolutionView, type SolutionOptions } from './solution-view.js';
import { renderTemplate } from './templates.js';

/** Render the worked solution as Markdown with $…$ and $$…$$ math. */
export function solutionMarkdown(derivation: Derivation, options: SolutionOptions): string {
  const markdown = renderTemplate('solution.md.njk', buildSolutionView(derivation, options));
  return tidyMarkdown(markdown);
}

/** Collapse the blank lines that template control flow leaves, and end with one newline. */
export function tidyMarkdown(markdown: string): string {
  return `${markdown.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';

/** templates/ at the package root; this file sits two levels below it in src/ and in dist/. */
export const templatesDirectory = fileURLToPath(new URL('../../templates/', import.meta.url));

let environment: nunjucks.Environment | undefined;

/** Return the shared nunjucks environment. It writes Markdown, so nothing is HTML-escaped, and an undefined value is an error. */
export function templateEnvironment(): nunjucks.Environment {
  environment ??= new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDirectory), {
    autoescape: false,
    throwOnUndefined: true,
    trimBlocks: false,
    lstripBlocks: false,
  });
  return environment;
}

export function renderTemplate(name: string, context: object): string {
  return templateEnvironment().render(name, context);
}

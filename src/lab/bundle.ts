/**
 * Joins a lab handout and a worked solution into one Markdown document: the lab's title, the
 * worked solution as its first chapter, then `labHeading` over the lab's sections. Headings
 * of the solution move one level down, so that its title becomes a chapter.
 */
export function bundleMarkdown(labMarkdown: string, solutionMarkdown: string, labHeading: string): string {
  const [titleLine, ...labBody] = labMarkdown.trimEnd().split('\n');
  return `${titleLine}\n\n${demoteHeadings(solutionMarkdown).trim()}\n\n## ${labHeading}\n${labBody.join('\n')}\n`;
}

/** Moves every ATX heading outside code blocks one level down: `# T` becomes `## T`. */
export function demoteHeadings(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence || !/^#{1,5} /.test(line)) return line;
      return `#${line}`;
    })
    .join('\n');
}

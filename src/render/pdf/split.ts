/** Split TeX before each `=` at brace depth 0 outside environments: `a = b = c` → a, = b, = c. */
export function splitAtEquals(tex: string): string[] {
  return splitBefore(tex, '=');
}

/** Split TeX before each top-level binary `+`, for a piece too wide for one line. */
export function splitAtPlus(tex: string): string[] {
  return splitBefore(tex, '+');
}

function splitBefore(tex: string, operator: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const character = tex[i];
    if (character === '\\') {
      // \left( opens a group but \leftarrow does not: a command is its whole run of letters.
      const command = /^\\[a-zA-Z]+/.exec(tex.slice(i))?.[0] ?? tex.slice(i, i + 2);
      if (command === '\\begin' || command === '\\left') depth++;
      if (command === '\\end' || command === '\\right') depth--;
      i += command.length - 1;
      continue;
    }
    if (character === '{') depth++;
    if (character === '}') depth--;
    if (character === operator && depth === 0 && i > start) {
      pieces.push(tex.slice(start, i).trim());
      start = i;
    }
  }
  pieces.push(tex.slice(start).trim());
  return pieces.filter((piece) => piece !== '');
}


/** Return the index of the `}` that closes the `{` at `open`, skipping escaped characters, or -1. */
export function closingBrace(tex: string, open: number): number {
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    if (tex[i] === '\\') {
      i++;
      continue;
    }
    if (tex[i] === '{') depth++;
    if (tex[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

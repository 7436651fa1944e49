/** Split TeX before each `=` at brace depth 0 outside environments: `a = b = c` → a, = b, = c. */
export function splitAtEquals(tex: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const character = tex[i];
    if (character === '\\') {
      if (tex.startsWith('\\begin', i) || tex.startsWith('\\left', i)) depth++;
      if (tex.startsWith('\\end', i) || tex.startsWith('\\right', i)) depth--;
      i++;
      continue;
    }
    if (character === '{') depth++;
    if (character === '}') depth--;
    if (character === '=' && depth === 0 && i > start) {
      pieces.push(tex.slice(start, i).trim());
      start = i;
    }
  }
  pieces.push(tex.slice(start).trim());
  return pieces.filter((piece) => piece !== '');
}


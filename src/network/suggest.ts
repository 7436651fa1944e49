/**
 * Optimal string alignment distance: the Levenshtein distance where swapping two adjacent
 * characters also costs 1, so the typo `weigths` is at distance 1 from `weights`.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < rows; i++) d[i]![0] = i;
  for (let j = 0; j < cols; j++) d[0]![j] = j;

  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }

  return d[rows - 1]![cols - 1]!;
}

/** Lower case, with `-` and spaces read as `_`, so `Leaky-ReLU` matches `leaky_relu`. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[-\s]/g, '_');
}

/**
 * Finds the candidate closest to a misspelled name, or undefined when none is close.
 * "Close" means at most one edit per three characters of the candidate (at least one edit),
 * ignoring case and `-`/`_`. Ties go to the earlier candidate.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;

  for (const candidate of candidates) {
    const distance = editDistance(normalize(name), normalize(candidate));
    const limit = Math.max(1, Math.floor(candidate.length / 3));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }

  return best;
}

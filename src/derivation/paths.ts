import type { Edge, GraphNode } from '../graph/graph.js';

/** Number of paths from `start` to `target` (edges followed from parent to child). */
export function countPaths(start: GraphNode, target: GraphNode, memo = new Map<string, number>()): number {
  if (start === target) return 1;
  const known = memo.get(start.id);
  if (known !== undefined) return known;

  let count = 0;
  for (const edge of start.children) count += countPaths(edge.of, target, memo);
  memo.set(start.id, count);
  return count;
}

/**
 * Up to `limit` paths from `start` to `target`, each as its edges from `start` upwards,
 * in index order of the nodes passed through.
 */
export function enumeratePaths(start: GraphNode, target: GraphNode, limit: number): Edge[][] {
  const paths: Edge[][] = [];
  const stack: Edge[] = [];
  const memo = new Map<string, number>();

  const walk = (current: GraphNode): void => {
    if (paths.length >= limit) return;
    if (current === target) {
      paths.push(stack.slice());
      return;
    }
    for (const edge of current.children) {
      if (countPaths(edge.of, target, memo) === 0) continue;
      stack.push(edge);
      walk(edge.of);
      stack.pop();
    }
  };

  walk(start);
  return paths;
}

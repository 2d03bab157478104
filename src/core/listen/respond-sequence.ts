/** `--respond 503,503,200`: the n-th delivery that reaches the answer step gets the n-th status; the last repeats. */
export function respondSequence(statuses: number[]): () => number {
  const list = statuses.length > 0 ? statuses : [200];
  let next = 0;
  return () => list[Math.min(next++, list.length - 1)]!;
}

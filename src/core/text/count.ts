/** "1 request", "2 requests": a number with its noun in the right number (irregular plurals given). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

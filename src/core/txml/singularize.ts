/**
 * Item element names that the plural rules below would get wrong. The item name of
 * deliveryScheduleIncludingRequests is a prediction (docs/webhook-payloads.md §5.3, low confidence).
 */
const IRREGULAR = new Map<string, string>([
  ['deliveryScheduleIncludingRequests', 'deliveryScheduleIncludingRequestsLine'],
]);

/**
 * Extra item element names accepted when reading tXML, because the names Tradecloud uses for these
 * webhook-only arrays are not evidenced (docs/webhook-payloads.md §5.3).
 */
export const ITEM_ALIASES: ReadonlyMap<string, readonly string[]> = new Map([
  ['deliveryScheduleIncludingRequests', ['deliveryScheduleIncludingRequestsLine', 'deliveryScheduleLine']],
]);

/**
 * The tXML item element of an array without a declared items.xml.name, following the pattern of the
 * evidenced names (docs/webhook-payloads.md §5.3): lines -> line, properties -> property, and the collective nouns
 * deliverySchedule / deliveryHistory get "Line" appended.
 */
export function singularize(arrayName: string): string {
  const irregular = IRREGULAR.get(arrayName);
  if (irregular !== undefined) return irregular;
  if (/(?:Schedule|History|^schedule|^history)$/.test(arrayName)) return `${arrayName}Line`;
  if (/[^aeiou]ies$/.test(arrayName)) return `${arrayName.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh|us)es$/.test(arrayName)) return arrayName.slice(0, -2);
  if (/(?:ss|us|is)$/.test(arrayName)) return arrayName;
  if (arrayName.length > 1 && arrayName.endsWith('s')) return arrayName.slice(0, -1);
  return arrayName;
}

/**
 * The element steps of one array's items, e.g. "line[1]", "line[2]", for mapping JSON pointers
 * back to elements. Almost every list holds items of one element name in order; such a list keeps
 * only that name and a count (a string per item would be millions on a large body), and spells
 * its steps out only when an item breaks the pattern.
 */
export class StepList {
  private name: string | undefined;
  private count = 0;
  private spelled: string[] | undefined;

  /** Adds the step `name[ordinal]`, followed by `inner` (e.g. "/item[2]") for a wrapped item. */
  push(name: string, ordinal: number, inner = ''): void {
    if (!this.spelled && inner === '' && ordinal === this.count + 1 && (this.name ?? name) === name) {
      this.name = name;
      this.count = ordinal;
      return;
    }
    this.spelled ??= Array.from({ length: this.count }, (_, i) => `${this.name}[${i + 1}]`);
    this.spelled.push(`${name}[${ordinal}]${inner}`);
  }

  at(index: number): string | undefined {
    if (this.spelled) return this.spelled[index];
    return index >= 0 && index < this.count ? `${this.name}[${index + 1}]` : undefined;
  }
}

/** The steps of every array built from a document. */
export type ArraySteps = WeakMap<unknown[], StepList>;

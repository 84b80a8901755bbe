/**
 * Keeps a label's values bounded: the first `max` distinct values are used as they are, any
 * other becomes `other`. For values a caller chooses (a GraphQL operation's name), so that
 * nobody can grow the metrics without end.
 */
export class LabelCap {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  label(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}

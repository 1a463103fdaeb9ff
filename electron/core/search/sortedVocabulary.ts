/**
 * A segment's Latin words as one sorted array: exact and prefix look-ups by binary search, and
 * typo look-ups (Levenshtein distance, as minisearch's radix tree gave them) by walking the trie
 * the sorted order implies. Nothing is built when a segment loads — the array is the file's own —
 * so a segment of thousands of words is ready in the time it takes to parse them.
 */
export class SortedVocabulary {
  /** `words` sorted by code unit (Array.prototype.sort's order); word i is term number `first + i`. */
  constructor(
    private readonly words: readonly string[],
    private readonly first: number,
  ) {}

  get size(): number {
    return this.words.length;
  }

  get(word: string): number | undefined {
    const at = this.lowerBound(word);
    return this.words[at] === word ? this.first + at : undefined;
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  /** Every word starting with `prefix` (the prefix itself included), with its term number. */
  *atPrefix(prefix: string): Generator<[string, number]> {
    for (let at = this.lowerBound(prefix); at < this.words.length && this.words[at]!.startsWith(prefix); at++)
      yield [this.words[at]!, this.first + at];
  }

  /** Every word within `maxDistance` edits of `query`: word → [term number, distance]. */
  fuzzyGet(query: string, maxDistance: number): Map<string, [number, number]> {
    const found = new Map<string, [number, number]>();
    const firstRow = Array.from({ length: query.length + 1 }, (_, column) => column);
    this.walk(query, maxDistance, 0, this.words.length, 0, firstRow, found);
    return found;
  }

  /**
   * words[from, to) share their first `depth` characters, and `row` is the edit distance from
   * that prefix to each prefix of the query. Children are the runs sharing one more character.
   */
  private walk(
    query: string,
    maxDistance: number,
    from: number,
    to: number,
    depth: number,
    row: number[],
    found: Map<string, [number, number]>,
  ): void {
    let start = from;
    // The prefix itself is a word: it sorts first among the words it starts.
    if (start < to && this.words[start]!.length === depth) {
      if (row[query.length]! <= maxDistance) found.set(this.words[start]!, [this.first + start, row[query.length]!]);
      start++;
    }
    while (start < to) {
      const char = this.words[start]!.charCodeAt(depth);
      const end = this.runEnd(start, to, depth, char);
      const next = new Array<number>(query.length + 1);
      next[0] = row[0]! + 1;
      let smallest = next[0];
      for (let column = 1; column <= query.length; column++) {
        const substitution = row[column - 1]! + (query.charCodeAt(column - 1) === char ? 0 : 1);
        next[column] = Math.min(row[column]! + 1, next[column - 1]! + 1, substitution);
        smallest = Math.min(smallest, next[column]!);
      }
      // No word below can come closer than the closest prefix so far.
      if (smallest <= maxDistance) this.walk(query, maxDistance, start, end, depth + 1, next, found);
      start = end;
    }
  }

  /** The end of the run of words in [from, to) whose character at `depth` is `char`. */
  private runEnd(from: number, to: number, depth: number, char: number): number {
    let low = from + 1;
    let high = to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.words[middle]!.charCodeAt(depth) === char) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private lowerBound(word: string): number {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.words[middle]! < word) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

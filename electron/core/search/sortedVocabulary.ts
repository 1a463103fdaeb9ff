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
    // One row of the edit-distance table per depth of the walk, reused from word to word.
    const rows: Int32Array[] = [Int32Array.from({ length: query.length + 1 }, (_, column) => column)];
    this.walk(query, maxDistance, 0, this.words.length, 0, rows, found);
    return found;
  }

  /**
   * words[from, to) share their first `depth` characters, and rows[depth] is the edit distance from
   * that prefix to each prefix of the query. Children are the runs sharing more characters: a run
   * whose words all share the next few characters (the first and last word of a sorted run tell)
   * takes them in one step, as a radix tree's edge would.
   */
  private walk(
    query: string,
    maxDistance: number,
    from: number,
    to: number,
    depth: number,
    rows: Int32Array[],
    found: Map<string, [number, number]>,
  ): void {
    let start = from;
    // The prefix itself is a word: it sorts first among the words it starts.
    if (start < to && this.words[start]!.length === depth) {
      // Outside the band (a length too far from the query's) the row holds no answer for its end.
      const distance = Math.abs(depth - query.length) <= maxDistance ? rows[depth]![query.length]! : maxDistance + 1;
      if (distance <= maxDistance) found.set(this.words[start]!, [this.first + start, distance]);
      start++;
    }
    while (start < to) {
      const first = this.words[start]!;
      const end = this.runEnd(start, to, depth, first.charCodeAt(depth));
      const last = this.words[end - 1]!;
      let shared = depth + 1;
      while (shared < first.length && shared < last.length && first.charCodeAt(shared) === last.charCodeAt(shared))
        shared++;
      if (this.advance(query, maxDistance, first, depth, shared, rows))
        this.walk(query, maxDistance, start, end, shared, rows, found);
      start = end;
    }
  }

  /** Fills rows[from + 1 … to] along word[from, to); false as soon as no row can stay within reach. */
  private advance(
    query: string,
    maxDistance: number,
    word: string,
    from: number,
    to: number,
    rows: Int32Array[],
  ): boolean {
    // Only the band of columns within maxDistance of the diagonal is computed (Ukkonen): a cell
    // outside it is more than maxDistance, so it is kept as `beyond`, which no answer depends on.
    const beyond = maxDistance + 1;
    for (let depth = from; depth < to; depth++) {
      const row = rows[depth]!;
      const next = (rows[depth + 1] ??= new Int32Array(query.length + 1));
      const char = word.charCodeAt(depth);
      const length = depth + 1;
      const low = Math.max(1, length - maxDistance);
      const high = Math.min(query.length, length + maxDistance);
      next[0] = Math.min(length, beyond);
      let smallest = next[0];
      if (low > 1) next[low - 1] = beyond;
      for (let column = low; column <= high; column++) {
        // The row above was filled up to its own band's end, one column short of this one's.
        const above = column < length + maxDistance ? row[column]! : beyond;
        const substitution = row[column - 1]! + (query.charCodeAt(column - 1) === char ? 0 : 1);
        const cell = Math.min(above + 1, next[column - 1]! + 1, substitution, beyond);
        next[column] = cell;
        if (cell < smallest) smallest = cell;
      }
      // No word below can come closer than the closest prefix so far.
      if (smallest > maxDistance) return false;
    }
    return true;
  }

  /**
   * The end of the run of words in [from, to) whose character at `depth` is `char`: galloping
   * from `from`, since deep in the walk most runs are a word or two long.
   */
  private runEnd(from: number, to: number, depth: number, char: number): number {
    const words = this.words;
    let bound = 1;
    while (from + bound < to && words[from + bound]!.charCodeAt(depth) === char) bound *= 2;
    // from + bound / 2 is in the run (from itself when bound is 1); from + bound is not, or is past the end.
    let low = from + (bound >> 1) + 1;
    let high = from + bound < to ? from + bound : to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (words[middle]!.charCodeAt(depth) === char) low = middle + 1;
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

/** One English word checked against the bundled dictionary (no network). */
export interface SpellingCheck {
  word: string;
  correct: boolean;
  /** The best corrections first; empty when the word is spelt right. */
  suggestions: string[];
}

/** English words that carry no meaning in a question; dropped from multi-word queries. */
const ENGLISH_STOP_WORDS =
  'a an and are as at be been but by can do does did for from get got has have how i if in into is it its me my no not of on or our so that the their them then there these they this to too us was we were what when where which who why will with you your after before about should could would'.split(' ');

/** The stop-word set used by the query planner. */
export function buildStopWords(): Set<string> {
  return new Set(ENGLISH_STOP_WORDS);
}

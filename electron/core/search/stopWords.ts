/** English words that carry no meaning in a question; dropped from multi-word queries. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be been but by can do does did for from get got has have how i if in into is it its me my no not of on or our so that the their them then there these they this to too us was we were what when where which who why will with you your after before about should could would'.split(' '),
);

/** Chinese question words and particles, longest first; cut out of CJK query runs ("账号被封了怎么办" → 账号被封). */
export const CHINESE_QUESTION_WORDS: readonly string[] = ['怎么办', '怎么样', '为什么', '怎么', '如何', '什么', '多久', '哪些', '可以', '我们', '我的', '吗', '呢', '吧', '了', '的', '我'];

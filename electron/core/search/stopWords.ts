/** English words that carry no meaning in a question; dropped from multi-word queries. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be been but by can do does did for from get got has have how i if in into is it its me my no not of on or our so that the their them then there these they this to too us was we were what when where which who why will with you your after before about should could would'.split(
    ' ',
  ),
);

/** Chinese question words, longest first; cut out of question-length CJK query runs ("账号被封了怎么办" → 账号被封了). */
export const CHINESE_QUESTION_WORDS: readonly string[] = [
  '可不可以',
  '怎么办',
  '怎么样',
  '为什么',
  '能不能',
  '有没有',
  '怎么',
  '如何',
  '什么',
  '多久',
  '哪些',
  '哪里',
  '哪个',
  '是否',
  '可以',
  '还能',
  '能否',
  '我们',
  '我的',
  '应该',
  '需要',
  '一下',
  '以后',
  '之后',
  '以前',
  '现在',
  '已经',
  '一直',
  '还是',
  '到底',
  '要不要',
];

/**
 * Particles taken off the ends of a question's runs ("账号被封了" → 账号被封, "从亚马逊仓库" → 亚马逊仓库).
 * Only at the ends: inside a run the same character is part of a word (目的, 存在, 还款).
 */
export const CHINESE_EDGE_PARTICLES: ReadonlySet<string> = new Set([
  '吗',
  '呢',
  '吧',
  '啊',
  '了',
  '的',
  '我',
  '还',
  '能',
  '从',
  '把',
  '要',
  '去',
  '在',
  '被',
  '和',
  '与',
  '或',
  '也',
  '都',
  '就',
  '会',
  '让',
  '给',
  '对',
  '向',
]);

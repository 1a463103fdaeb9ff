import type { CaseCause } from '../../common/index.js';

/** A phrase that points to a cause, and how strongly (3: names the cause; 1: only hints at it). */
export interface CausePhrase {
  pattern: RegExp;
  weight: number;
}

/**
 * The words Amazon's notices use for each of the seven causes, in English, Japanese and German.
 * Written from the library's cause articles and the glossary; add a phrase when a notice is missed.
 */
export const CAUSE_PHRASES: ReadonlyMap<Exclude<CaseCause, 'other'>, readonly CausePhrase[]> = new Map([
  [
    'related-accounts',
    [
      { pattern: /\brelated (?:seller )?accounts?\b/i, weight: 3 },
      { pattern: /\b(?:linked|connected) to (?:an?other|one or more) (?:seller )?accounts?\b/i, weight: 3 },
      { pattern: /\bmultiple (?:seller )?accounts\b/i, weight: 2 },
      { pattern: /関連(?:する)?アカウント/, weight: 3 },
      { pattern: /\bverbundene[ns]? (?:Verkäufer)?kont(?:o|en)\b/i, weight: 3 },
      { pattern: /\bmit (?:einem )?anderen (?:Verkäufer)?kont(?:o|en) verknüpft\b/i, weight: 3 },
    ],
  ],
  [
    'restricted-products',
    [
      { pattern: /\brestricted products?\b/i, weight: 3 },
      { pattern: /\bprohibited (?:products?|items?|listings?)\b/i, weight: 3 },
      { pattern: /\b(?:dangerous goods|hazmat)\b/i, weight: 2 },
      { pattern: /\b(?:pesticides?|product safety (?:requirements|policy))\b/i, weight: 1 },
      { pattern: /制限対象商品|出品禁止商品|危険物/, weight: 3 },
      { pattern: /\b(?:eingeschränkte|verbotene) (?:Produkte|Artikel)\b/i, weight: 3 },
    ],
  ],
  [
    'a-to-z-chargebacks',
    [
      { pattern: /\bA-to-z (?:Guarantee )?claims?\b/i, weight: 3 },
      { pattern: /\bA-to-z Guarantee\b/i, weight: 2 },
      { pattern: /\bchargebacks?\b/i, weight: 3 },
      { pattern: /Aからzまで保証|マーケットプレイス保証|チャージバック/, weight: 3 },
      { pattern: /\bA-bis-z-Garantie(?:-Anträge?|anträge?)?\b/i, weight: 3 },
      { pattern: /\bRückbuchungen?\b/i, weight: 3 },
    ],
  ],
  [
    'order-defect-rate',
    [
      { pattern: /\border defect rate\b/i, weight: 5 },
      { pattern: /\bODR\b/, weight: 3 },
      { pattern: /\bnegative (?:customer )?feedback\b/i, weight: 1 },
      { pattern: /注文不良率/, weight: 5 },
      { pattern: /\bBestellmängelquote\b/i, weight: 5 },
    ],
  ],
  [
    'counterfeit',
    [
      { pattern: /\bcounterfeit\b/i, weight: 4 },
      { pattern: /\binauthentic\b/i, weight: 4 },
      { pattern: /\bauthenticity\b/i, weight: 2 },
      { pattern: /\bnot authentic\b/i, weight: 3 },
      { pattern: /偽造品|模倣品|真正性|本物ではない/, weight: 4 },
      { pattern: /\b(?:Fälschungen?|gefälscht\w*|Produktfälschung\w*)\b/i, weight: 4 },
      { pattern: /\b(?:Echtheit|nicht authentisch)\b/i, weight: 3 },
    ],
  ],
  [
    'ip-infringement',
    [
      { pattern: /\bintellectual property\b/i, weight: 3 },
      {
        pattern: /\b(?:trademark|copyright|patent|design right)s? (?:infringement|violation|complaint|owner)s?\b/i,
        weight: 3,
      },
      { pattern: /\binfring(?:es?|ing|ement)\b/i, weight: 2 },
      { pattern: /\brights? owners?\b/i, weight: 1 },
      { pattern: /知的財産|商標権|著作権|特許権|権利侵害/, weight: 3 },
      {
        pattern:
          /\b(?:geistige[ns]? Eigentum\w*|Markenrechts?\w*|Urheberrechts?\w*|Patentverletzung\w*|Rechteinhaber\w*)\b/i,
        weight: 3,
      },
    ],
  ],
  [
    'new-account',
    [
      {
        pattern: /\b(?:verify|verification of) your (?:identity|business information|seller information)\b/i,
        weight: 3,
      },
      { pattern: /\b(?:seller )?identity verification\b/i, weight: 3 },
      { pattern: /\bunable to verify (?:the )?(?:information|identity|documents?)\b/i, weight: 3 },
      { pattern: /\bnew seller accounts?\b/i, weight: 2 },
      { pattern: /本人確認|身元確認|出品者情報の確認/, weight: 3 },
      {
        pattern:
          /\b(?:Identitätsprüfung|Verifizierung Ihrer (?:Identität|Angaben)|Identität (?:zu )?(?:überprüfen|bestätigen|verifizieren))\b/i,
        weight: 3,
      },
    ],
  ],
]);

/** The cause whose phrases weigh most in `text` (ties go to the earlier cause), with the phrases found. */
export function decideCause(text: string): { cause: CaseCause; phrases: string[] } {
  let best: { cause: CaseCause; score: number; phrases: string[] } = { cause: 'other', score: 0, phrases: [] };
  for (const [cause, phrases] of CAUSE_PHRASES) {
    let score = 0;
    const found: string[] = [];
    for (const phrase of phrases) {
      const match = phrase.pattern.exec(text);
      if (!match) continue;
      score += phrase.weight;
      found.push(match[0]);
    }
    if (score > best.score) best = { cause, score, phrases: found };
  }
  // A hint alone (one weak phrase) is not enough to name a cause.
  return best.score >= 2 ? { cause: best.cause, phrases: best.phrases } : { cause: 'other', phrases: [] };
}

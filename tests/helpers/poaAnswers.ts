import type { PoaQuestion } from '../../electron/common/index.js';

/** Calm, complete answers a seller might give, in English, for the questions every cause asks. */
export const CALM_ANSWERS: Record<string, string> = {
  'store-name': 'Bright Home',
  'merchant-token': 'A1B2C3D4E5F6G7',
  'contact-name': 'Li Wei',
  'login-email': 'seller@example.com',
  'what-happened': 'Two buyers reported that the lamps they received did not match the product page.',
  orders: '113-1234567-1234567 and 113-7654321-7654321',
  'root-cause':
    'We bought the lamps from a wholesaler who is not an authorised distributor of the brand.\nNobody checked the invoices before a product was listed.',
  actions:
    'On 3 November we removed every offer that has no matching invoice.\nWe checked all 240 products against our supplier invoices.',
  prevention:
    'Our purchasing manager checks the invoice of every new product before it is listed.\nEvery month we compare our live offers with our purchase records.',
  'responsible-person': 'our purchasing manager, Li Wei',
  'review-interval': 'month',
  evidence: 'Invoice no. 123 from Shenzhen Lighting dated 3 October 2026',
};

/** A calm answer for any question: the ones above, else a plain figure for each placeholder line. */
export function calmAnswer(question: PoaQuestion): string {
  return CALM_ANSWERS[question.id] ?? (question.lines ? question.fills.map(() => 'twelve').join('\n') : 'twelve');
}

/**
 * Articles whose currency pass (issue 14) is being done on another branch (w14b: csba, fba-removal,
 * funds, suspension). Until it lands, the trust checks report their problems as warnings instead of
 * failures, so this branch's check stays green. Remove a path once its article passes; new articles
 * never go here.
 */
export const PENDING_CURRENCY_PASS: ReadonlySet<string> = new Set([
  'content/articles/csba/csba-fees-and-enrolment.en.md',
  'content/articles/csba/csba-fees-and-enrolment.zh.md',
  'content/articles/csba/csba-overview.en.md',
  'content/articles/csba/csba-overview.zh.md',
  'content/articles/csba/csba-survey-results.en.md',
  'content/articles/csba/csba-survey-results.zh.md',
  'content/articles/fba-removal/fba-leftover-stock.en.md',
  'content/articles/fba-removal/fba-leftover-stock.zh.md',
  'content/articles/fba-removal/fba-removal-order.en.md',
  'content/articles/fba-removal/fba-removal-order.zh.md',
  'content/articles/fba-removal/fba-removal-while-suspended.en.md',
  'content/articles/fba-removal/fba-removal-while-suspended.zh.md',
  'content/articles/funds/funds-after-suspension.en.md',
  'content/articles/funds/funds-after-suspension.zh.md',
  'content/articles/suspension/after-appeal.en.md',
  'content/articles/suspension/after-appeal.zh.md',
  'content/articles/suspension/arbitration.en.md',
  'content/articles/suspension/arbitration.zh.md',
  'content/articles/suspension/litigation.en.md',
  'content/articles/suspension/remedies-compared.en.md',
  'content/articles/suspension/suspension-overview.en.md',
  'content/articles/suspension/suspension-overview.zh.md',
]);

/**
 * Articles whose currency pass (issue 14) is being done on another branch (w14b: csba, fba-removal,
 * funds, suspension). Until it lands, the trust checks report their problems as warnings instead of
 * failures, so this branch's check stays green. Remove a path once its article passes; new articles
 * never go here.
 */
export const PENDING_CURRENCY_PASS: ReadonlySet<string> = new Set([
]);

import type { Contact } from '../../common/index.js';
import type { GlossaryIndex } from './glossaryIndex.js';
import { planQuery } from './queryPlan.js';
import { indexTerms } from './tokenize.js';

const MAX_CONTACTS = 5;

/**
 * The contacts that match every part of a query — by team (a glossary term: "ESR", 卖家绩效),
 * marketplace, address or purpose. Only strong matches: they are shown above the articles.
 *
 * @example searchContacts(contacts, 'seller performance JP', glossary).map((contact) => contact.email)
 */
export function searchContacts(contacts: Contact[], text: string, glossary: GlossaryIndex): Contact[] {
  const groups = planQuery(text, glossary, { fuzzyLevel: 1, looseness: 'prefix' });
  if (groups.length === 0) return [];
  const found: { contact: Contact; byTeam: boolean }[] = [];
  for (const contact of contacts) {
    const terms = new Set(indexTerms([contact.team.replace(/-/g, ' '), contact.marketplace, contact.email.replace(/[@.]/g, ' '), contact.purpose.zh, contact.purpose.en].join(' ')));
    const words = [...terms];
    const holds = (term: string, prefix: boolean) => terms.has(term) || (prefix && words.some((word) => word.startsWith(term)));
    const byTeam = groups.some((group) => group.termId === contact.team);
    const matches = groups.every((group) => group.termId === contact.team || group.alternatives.some((alternative) => alternative.terms.every((term) => holds(term.term, term.prefix))));
    if (matches) found.push({ contact, byTeam });
  }
  // The team the query names first, then the contacts that merely mention it.
  return found
    .sort((a, b) => Number(b.byTeam) - Number(a.byTeam))
    .slice(0, MAX_CONTACTS)
    .map((entry) => entry.contact);
}

import type { Contact } from '../../common/index.js';
import type { GlossaryIndex } from './glossaryIndex.js';
import { planQuery } from './queryPlan.js';
import { indexTerms } from './tokenize.js';

const MAX_CONTACTS = 5;
/** "邮箱", "who to contact": words that ask for an address, not for a particular one (content/synonyms.json). */
const ASKS_FOR_AN_ADDRESS = 'synonyms:email-whom';

/** A contact's searchable names, worked out once per contact (search runs on every keystroke). */
const names = new WeakMap<Contact, { terms: Set<string>; words: string[] }>();

function namesOf(contact: Contact): { terms: Set<string>; words: string[] } {
  let found = names.get(contact);
  if (!found) {
    const terms = new Set(
      indexTerms([contact.team.replace(/-/g, ' '), contact.marketplace, contact.email.replace(/[@.]/g, ' ')].join(' ')),
    );
    names.set(contact, (found = { terms, words: [...terms] }));
  }
  return found;
}

/**
 * The contacts a query names: by team (a glossary term: "ESR", 卖家绩效), marketplace or address,
 * with words like "email" or 邮箱 around them. Only such strong matches: they are shown above the
 * articles, so a query that merely appears in a contact's purpose ("移除订单") leaves them out.
 *
 * @example searchContacts(contacts, 'seller performance JP', glossary).map((contact) => contact.email)
 */
export function searchContacts(contacts: Contact[], text: string, glossary: GlossaryIndex): Contact[] {
  const groups = planQuery(text, glossary, { fuzzyLevel: 1, looseness: 'prefix' }).filter(
    (group) => group.termId !== ASKS_FOR_AN_ADDRESS,
  );
  if (groups.length === 0) return [];
  const found: Contact[] = [];
  for (const contact of contacts) {
    const { terms, words } = namesOf(contact);
    const holds = (term: string, prefix: boolean) =>
      terms.has(term) || (prefix && words.some((word) => word.startsWith(term)));
    const named = groups.every(
      (group) =>
        group.termId === contact.team ||
        group.alternatives.some((alternative) => alternative.terms.every((term) => holds(term.term, term.prefix))),
    );
    if (named) found.push(contact);
    if (found.length === MAX_CONTACTS) break;
  }
  return found;
}

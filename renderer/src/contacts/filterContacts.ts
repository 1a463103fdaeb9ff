import type { Contact, Marketplace } from '../../../electron/common/index.js';

export type MarketplaceFilter = Marketplace | 'ALL' | '';

/**
 * Contacts for one marketplace (with the addresses that apply everywhere, "ALL"; choosing "ALL"
 * shows only those), whose purpose, team or address contains `text`.
 */
export function filterContacts(
  contacts: Contact[],
  marketplace: MarketplaceFilter,
  text: string,
  teamLabel: (team: string) => string,
): Contact[] {
  const needle = text.trim().toLowerCase();
  return contacts.filter((contact) => {
    if (marketplace && contact.marketplace !== marketplace && contact.marketplace !== 'ALL') return false;
    if (!needle) return true;
    const haystack = [contact.email, contact.team, teamLabel(contact.team), contact.purpose.zh, contact.purpose.en]
      .join('\n')
      .toLowerCase();
    return haystack.includes(needle);
  });
}

/** The marketplace codes present, in the library's order with ALL first. */
export function presentMarketplaces(contacts: Contact[], order: readonly string[]): (Marketplace | 'ALL')[] {
  const present = new Set(contacts.map((contact) => contact.marketplace));
  return (['ALL', ...order] as (Marketplace | 'ALL')[]).filter((code) => present.has(code));
}

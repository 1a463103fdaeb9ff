import { describe, expect, it } from 'vitest';
import type { Contact } from '../../electron/common/index.js';
import { filterContacts } from '../../renderer/src/contacts/filterContacts.js';

function contact(id: string, marketplace: Contact['marketplace']): Contact {
  return {
    id,
    email: `${id}@amazon.com`,
    team: 'notice',
    marketplace,
    purpose: { zh: '用途', en: 'purpose' },
    reconstructed: false,
    original: null,
    note: null,
    source: 'x',
    article: null,
  };
}

const contacts = [contact('de', 'DE'), contact('jp', 'JP'), contact('everywhere', 'ALL')];
const ids = (list: Contact[]) => list.map((item) => item.id);

describe('the contacts filter', () => {
  it('shows a marketplace with the addresses that apply everywhere', () => {
    expect(ids(filterContacts(contacts, 'DE', '', (team) => team))).toEqual(['de', 'everywhere']);
  });

  it('shows only the everywhere addresses for "ALL", and everything with no filter', () => {
    expect(ids(filterContacts(contacts, 'ALL', '', (team) => team))).toEqual(['everywhere']);
    expect(ids(filterContacts(contacts, '', '', (team) => team))).toEqual(['de', 'jp', 'everywhere']);
  });
});

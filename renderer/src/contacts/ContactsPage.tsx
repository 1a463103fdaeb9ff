import { useState } from 'react';
import { MARKETPLACES } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { useLoad } from '../services/useLoad.js';
import { marketplaceLabel } from '../i18n/marketplaces.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';
import { ContactRow } from './ContactRow.js';
import { filterContacts, presentMarketplaces, type MarketplaceFilter } from './filterContacts.js';

/** Amazon's addresses from the library, filterable by marketplace and by purpose or team. */
export function ContactsPage() {
  const t = useT();
  const ui = useUiLang();
  const contacts = useLoad(() => kb.getContacts(), []);
  const [marketplace, setMarketplace] = useState<MarketplaceFilter>('');
  const [text, setText] = useState('');
  const all = contacts.data ?? [];
  const teamLabel = (team: string) => t.teams[team] ?? team;
  const shown = filterContacts(all, marketplace, text, teamLabel);

  return (
    <div className="page page-wide">
      <h1>{t.contacts.title}</h1>
      <p className="lead">{t.contacts.intro}</p>
      <p className="contacts-notice" role="note" data-testid="contacts-notice">
        {t.trust.contactsNotice}
      </p>
      <div className="filter-bar">
        <div className="field">
          <label htmlFor="contacts-marketplace">{t.contacts.filterMarketplace}</label>
          <select
            id="contacts-marketplace"
            data-testid="contacts-marketplace"
            value={marketplace}
            onChange={(event) => setMarketplace(event.target.value as MarketplaceFilter)}
          >
            <option value="">{t.contacts.allMarketplaces}</option>
            {presentMarketplaces(all, MARKETPLACES).map((code) => (
              <option key={code} value={code}>
                {marketplaceLabel(code, ui)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor="contacts-text">{t.contacts.filterText}</label>
          <input
            id="contacts-text"
            type="text"
            value={text}
            placeholder={t.contacts.filterPlaceholder}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      </div>
      {contacts.loading && !contacts.data ? (
        <p className="muted">{t.common.loading}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t.contacts.count(shown.length, all.length)}
          </p>
          <div className="table-scroll">
            <table className="contacts-table" data-testid="contacts-table">
              <caption className="visually-hidden">{t.contacts.table}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.contacts.email}</th>
                  <th scope="col">{t.contacts.team}</th>
                  <th scope="col">{t.contacts.marketplace}</th>
                  <th scope="col">{t.contacts.purpose}</th>
                  <th scope="col">{t.contacts.actions}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((contact) => (
                  <ContactRow key={contact.id} contact={contact} teamLabel={teamLabel(contact.team)} />
                ))}
              </tbody>
            </table>
          </div>
          {shown.length === 0 && <p className="muted">{t.contacts.noMatch}</p>}
        </>
      )}
    </div>
  );
}

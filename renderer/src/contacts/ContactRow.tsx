import type { MouseEvent } from 'react';
import type { Contact } from '../../../electron/common/index.js';
import { copyWithToast } from '../services/clipboard.js';
import { openExternal } from '../services/links.js';
import { paths } from '../services/router.js';
import { marketplaceName } from '../i18n/marketplaces.js';
import { useT } from '../i18n/useT.js';
import { usePreferredArticleLang, useUiLang } from '../settings/preferences.js';

/** One address: the e-mail, team, marketplace, purpose (with any caveat) and actions. */
export function ContactRow({ contact, teamLabel }: { contact: Contact; teamLabel: string }) {
  const t = useT();
  const ui = useUiLang();
  const articleLang = usePreferredArticleLang();
  const mailto = `mailto:${contact.email}`;
  const onMailto = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    openExternal(mailto);
  };
  return (
    <tr data-testid="contact-row" data-id={contact.id} data-marketplace={contact.marketplace}>
      <td className="contact-email" data-label={t.contacts.email}>
        <code>{contact.email}</code>
      </td>
      <td data-label={t.contacts.team}>{teamLabel}</td>
      <td data-label={t.contacts.marketplace}>
        <abbr title={marketplaceName(contact.marketplace, ui)}>{contact.marketplace}</abbr>
      </td>
      <td className="contact-purpose" data-label={t.contacts.purpose}>
        {contact.purpose[ui]}
        {contact.note && (
          <span className="contact-note" data-testid="contact-note">
            {' '}
            {contact.note[ui]}
          </span>
        )}
        {contact.article && (
          <>
            {' '}
            <a href={paths.article(`${contact.article}-${articleLang}`)}>{t.contacts.readMore}</a>
          </>
        )}
      </td>
      <td className="contact-actions">
        <button
          type="button"
          className="button-small"
          aria-label={t.contacts.copyEmail(contact.email)}
          onClick={() => void copyWithToast(contact.email, t)}
        >
          {t.common.copy}
        </button>
        <a
          className="button-small"
          href={mailto}
          data-external="true"
          aria-label={t.contacts.writeTo(contact.email)}
          onClick={onMailto}
        >
          {t.contacts.write}
        </a>
      </td>
    </tr>
  );
}

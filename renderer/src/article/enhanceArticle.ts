import { mailtoAddress } from '../../../electron/common/uri.js';

/** Places inside the rendered article HTML where React puts its own controls (through portals). */
export interface ArticleSlots {
  steps: { checklist: string; step: number; slot: HTMLElement }[];
  checklists: { name: string; slot: HTMLElement }[];
  letters: { pre: HTMLElement; slot: HTMLElement }[];
  emails: { email: string; slot: HTMLElement }[];
}

function element(tag: string, className: string): HTMLElement {
  const created = document.createElement(tag);
  created.className = className;
  return created;
}

/**
 * Adds slots to the article's DOM: a checkbox slot in each checklist step (the step's content
 * wrapped in a <label>), a header before each checklist, a toolbar on each letter and a copy
 * slot after each e-mail link. Safe to run twice on the same DOM.
 */
export function enhanceArticle(root: HTMLElement): ArticleSlots {
  const slots: ArticleSlots = { steps: [], checklists: [], letters: [], emails: [] };

  for (const list of root.querySelectorAll<HTMLOListElement>('ol.checklist[data-checklist]')) {
    const name = list.dataset.checklist ?? '';
    let head = list.previousElementSibling as HTMLElement | null;
    if (!head?.classList.contains('checklist-head')) {
      head = element('div', 'checklist-head');
      list.before(head);
    }
    slots.checklists.push({ name, slot: head });
    for (const item of list.querySelectorAll<HTMLLIElement>(':scope > li[data-step]')) {
      let box = item.querySelector<HTMLElement>(':scope > label > .checklist-box');
      if (!box) {
        const label = element('label', 'checklist-label');
        box = element('span', 'checklist-box');
        const text = element('span', 'checklist-text');
        text.append(...item.childNodes);
        label.append(box, text);
        item.append(label);
        item.classList.add('checklist-row');
      }
      slots.steps.push({ checklist: name, step: Number(item.dataset.step), slot: box });
    }
  }

  for (const pre of root.querySelectorAll<HTMLElement>('pre[data-copy="letter"]')) {
    let bar = pre.previousElementSibling as HTMLElement | null;
    if (!bar?.classList.contains('letter-bar')) {
      const block = element('div', 'letter-block');
      bar = element('div', 'letter-bar');
      pre.before(block);
      block.append(bar, pre);
    }
    slots.letters.push({ pre, slot: bar });
  }

  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:"]')) {
    let slot = link.nextElementSibling as HTMLElement | null;
    if (!slot?.classList.contains('email-copy')) {
      slot = element('span', 'email-copy');
      link.after(slot);
    }
    slots.emails.push({ email: mailtoAddress(link.getAttribute('href') ?? ''), slot });
  }
  return slots;
}

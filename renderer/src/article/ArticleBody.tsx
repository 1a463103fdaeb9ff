import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ChecklistInfo, Lang } from '../../../electron/common/index.js';
import { handleRenderedLinkClick } from '../services/links.js';
import { languageTag } from '../i18n/uiLang.js';
import { sanitize } from '../markdown.js';
import { ChecklistHead, ChecklistStep, CopyEmailButton, LetterBar } from './ArticleSlots.js';
import { enhanceArticle, type ArticleSlots } from './enhanceArticle.js';
import type { ChecklistState } from './useChecklistProgress.js';

interface Props {
  lang: Lang;
  html: string;
  checklists: ChecklistInfo[];
  progress: ChecklistState;
}

/** The article's sanitized HTML, with checkboxes, copy buttons and in-app link handling added. */
export function ArticleBody({ lang, html, checklists, progress }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const safeHtml = useMemo(() => ({ __html: sanitize(html) }), [html]);
  const [slots, setSlots] = useState<ArticleSlots | null>(null);

  useLayoutEffect(() => {
    if (container.current) setSlots(enhanceArticle(container.current));
  }, [safeHtml]);

  return (
    <>
      {/* Clicks are handled for the links inside; every link stays reachable and usable by keyboard. */}
      <div
        ref={container}
        className="article-body"
        lang={languageTag(lang)}
        onClick={handleRenderedLinkClick}
        dangerouslySetInnerHTML={safeHtml}
      />
      {slots?.checklists.map(({ name, slot }) => {
        const total = checklists.find((list) => list.name === name)?.steps.length ?? 0;
        return createPortal(<ChecklistHead done={progress.doneIn(name, total)} total={total} />, slot, `head-${name}`);
      })}
      {slots?.steps.map(({ checklist, step, slot }) =>
        createPortal(
          <ChecklistStep
            checklist={checklist}
            step={step}
            checked={progress.isTicked(checklist, step)}
            onToggle={progress.toggle}
          />,
          slot,
          `step-${checklist}-${step}`,
        ),
      )}
      {slots?.letters.map(({ pre, slot }, index) => createPortal(<LetterBar pre={pre} />, slot, `letter-${index}`))}
      {slots?.emails.map(({ email, slot }, index) =>
        createPortal(<CopyEmailButton email={email} />, slot, `email-${index}`),
      )}
    </>
  );
}

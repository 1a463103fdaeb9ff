import { useRef } from 'react';
import { useT } from '../../i18n/useT.js';
import { splitPlaceholders } from './placeholders.js';

/**
 * A textarea over a copy of its text in which every `{{placeholder}}` is marked: the text stays
 * editable while what is unfilled shows in colour.
 */
export function LetterEditor({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT();
  const backdrop = useRef<HTMLDivElement>(null);
  return (
    <div className="field poa-letter-field">
      <label htmlFor="poa-letter">{t.poa.letter}</label>
      <span className="field-hint">{t.poa.letterHint}</span>
      {/* The letter to Amazon is English whatever the interface language. */}
      <div className="poa-letter" lang="en">
        <div className="poa-letter-backdrop" ref={backdrop} aria-hidden="true" data-testid="poa-letter-highlights">
          {splitPlaceholders(value).map((piece, index) =>
            piece.placeholder ? <mark key={index}>{piece.value}</mark> : <span key={index}>{piece.value}</span>,
          )}
          {'\n'}
        </div>
        <textarea
          id="poa-letter"
          data-testid="poa-letter"
          value={value}
          spellCheck
          lang="en"
          onChange={(event) => onChange(event.target.value)}
          onScroll={(event) => {
            if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
          }}
        />
      </div>
    </div>
  );
}

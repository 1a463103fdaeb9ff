import { POA_PARTS, type PoaQuestion } from '../../../../electron/common/index.js';
import { QuotedExamples } from '../../i18n/QuotedExamples.js';
import { useT } from '../../i18n/useT.js';
import { useUiLang } from '../../settings/preferences.js';

interface Props {
  questions: PoaQuestion[];
  answers: Record<string, string>;
  saved: ReadonlySet<string>;
  onChange: (question: string, text: string) => void;
  onCommit: (question: string) => void;
}

/** The guided questions, grouped by the part of the letter they feed; each answer is saved when it loses focus. */
export function PoaQuestions({ questions, answers, saved, onChange, onCommit }: Props) {
  const t = useT();
  const lang = useUiLang();
  return (
    <div className="poa-questions">
      {POA_PARTS.map((part) => {
        const inPart = questions.filter((question) => question.part === part);
        if (inPart.length === 0) return null;
        return (
          <fieldset key={part} className="poa-part" data-testid={`poa-part-${part}`}>
            <legend>{t.poa.parts[part]}</legend>
            {inPart.map((question) => (
              <div key={question.id} className="field">
                <label htmlFor={`poa-q-${question.id}`}>
                  <QuotedExamples text={question.label[lang]} />{' '}
                  {saved.has(question.id) && <span className="poa-saved">✓ {t.poa.saved}</span>}
                </label>
                <span className="field-hint" id={`poa-hint-${question.id}`}>
                  <QuotedExamples text={question.hint[lang]} /> {question.lines && t.poa.oneLine}
                </span>
                <textarea
                  id={`poa-q-${question.id}`}
                  data-testid={`poa-q-${question.id}`}
                  aria-describedby={`poa-hint-${question.id}`}
                  rows={question.lines || question.part === 'facts' ? 3 : 1}
                  value={answers[question.id] ?? ''}
                  onChange={(event) => onChange(question.id, event.target.value)}
                  onBlur={() => onCommit(question.id)}
                />
              </div>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { AppealLog, CaseRecord, PoaDraft, PoaForm } from '../../../../electron/common/index.js';
import { kb } from '../../api/index.js';
import { reportError, showToast } from '../../services/notices.js';
import { useT } from '../../i18n/useT.js';
import '../../styles/poa.css';
import { AppealsLog } from './AppealsLog.js';
import { LetterEditor } from './LetterEditor.js';
import { copyLetter } from './placeholders.js';
import { PoaChecks } from './PoaChecks.js';
import { PoaQuestions } from './PoaQuestions.js';

const ANSWER_SAVE_DELAY_MS = 1000;

interface Props {
  record: CaseRecord;
  /** After something that changes the case itself (an appeal marked as sent, a note saved). */
  onCaseChanged: () => void;
}

/** The guided Plan of Action: questions for the case's cause, the letter built from the answers, its checks, and the appeals sent. */
export function PoaBuilder({ record, onCaseChanged }: Props) {
  const t = useT();
  const [form, setForm] = useState<PoaForm | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState<PoaDraft | null>(null);
  const [letter, setLetter] = useState('');
  const [log, setLog] = useState<AppealLog | null>(null);
  const [confirm, setConfirm] = useState<'copy' | 'send' | null>(null);
  const committed = useRef<Record<string, string>>({});
  const pending = useRef(new Map<string, { timer: number; text: string }>());

  useEffect(() => {
    let live = true;
    Promise.all([kb.getPoaForm({ caseId: record.id }), kb.listAppeals({ caseId: record.id })]).then(
      ([loaded, appeals]) => {
        if (!live) return;
        committed.current = { ...loaded.answers };
        setForm(loaded);
        setAnswers(loaded.answers);
        setLog(appeals);
      },
      reportError,
    );
    return () => {
      live = false;
    };
  }, [record.id, record.cause]);

  // Answers typed but not yet saved are saved at once when the builder goes away (another case, another page).
  useEffect(() => {
    const waiting = pending.current;
    const caseId = record.id;
    return () => {
      for (const [question, { timer, text }] of waiting) {
        window.clearTimeout(timer);
        void kb.answerPoaQuestion({ caseId, question, text }).catch(reportError);
      }
      waiting.clear();
    };
  }, [record.id]);

  const commit = async (question: string, text: string) => {
    window.clearTimeout(pending.current.get(question)?.timer);
    pending.current.delete(question);
    if ((committed.current[question] ?? '') === text) return;
    try {
      await kb.answerPoaQuestion({ caseId: record.id, question, text });
      committed.current[question] = text;
      setSaved((current) => new Set([...current, question]));
    } catch (error) {
      reportError(error);
    }
  };

  /** An answer is saved a second after typing stops, or when its field loses focus. */
  const change = (question: string, text: string) => {
    setAnswers((current) => ({ ...current, [question]: text }));
    window.clearTimeout(pending.current.get(question)?.timer);
    pending.current.set(question, {
      text,
      timer: window.setTimeout(() => void commit(question, text), ANSWER_SAVE_DELAY_MS),
    });
  };

  const build = async () => {
    try {
      for (const [question, text] of Object.entries(answers)) await commit(question, text);
      const built = await kb.buildPoaDraft({ caseId: record.id });
      setDraft(built);
      setLetter(built.text);
      setConfirm(null);
    } catch (error) {
      reportError(error);
    }
  };

  const recheck = async () => {
    try {
      setDraft(await kb.buildPoaDraft({ caseId: record.id, text: letter }));
    } catch (error) {
      reportError(error);
    }
  };

  const send = async () => {
    try {
      const appeals = await kb.submitAppeal({ caseId: record.id, text: letter });
      setLog(appeals);
      setConfirm(null);
      showToast(t.poa.sentDone(appeals.submissions.at(-1)!.number));
      onCaseChanged();
    } catch (error) {
      reportError(error);
    }
  };

  const saveNote = async () => {
    try {
      await kb.saveNote({
        caseId: record.id,
        title: `Plan of Action — ${record.title}`,
        body: letter,
        kind: 'plan-of-action',
        tags: ['POA'],
      });
      showToast(t.poa.noteSaved);
      onCaseChanged();
    } catch (error) {
      reportError(error);
    }
  };

  const goToQuestion = (question: string) => document.getElementById(`poa-q-${question}`)?.focus();
  const unfilled = draft?.unfilled.length ?? 0;
  const failing = draft?.checks.filter((check) => !check.ok).length ?? 0;

  if (!form) return null;
  return (
    <section className="card poa-builder" aria-labelledby="poa-title" data-testid="poa-builder">
      <h2 id="poa-title">{t.poa.title}</h2>
      <p className="muted">{t.poa.intro}</p>
      <PoaQuestions
        questions={form.questions}
        answers={answers}
        saved={saved}
        onChange={change}
        onCommit={(question) => void commit(question, answers[question] ?? '')}
      />
      <div className="button-row">
        <button type="button" className="button-primary" data-testid="poa-build" onClick={() => void build()}>
          {t.poa.build}
        </button>
      </div>
      {draft && (
        <div className="poa-draft">
          <LetterEditor value={letter} onChange={setLetter} />
          <div className="button-row">
            <button type="button" data-testid="poa-recheck" onClick={() => void recheck()}>
              {t.poa.recheck}
            </button>
            <button
              type="button"
              data-testid="poa-copy"
              onClick={() => (unfilled > 0 ? setConfirm('copy') : void copyLetter(letter, t))}
            >
              {t.poa.copy}
            </button>
            <button type="button" data-testid="poa-save-note" onClick={() => void saveNote()}>
              {t.poa.saveNote}
            </button>
            <button
              type="button"
              className="button-primary"
              data-testid="poa-mark-sent"
              onClick={() => setConfirm('send')}
            >
              {t.poa.markSent}
            </button>
          </div>
          {confirm && (
            <div
              className="poa-confirm"
              role="alertdialog"
              aria-labelledby="poa-confirm-text"
              data-testid="poa-confirm"
            >
              <p id="poa-confirm-text">
                {confirm === 'copy'
                  ? t.poa.copyWarning(unfilled)
                  : t.poa.markSentConfirm((log?.submissions.length ?? 0) + 1, failing)}
              </p>
              {confirm === 'send' && log?.warning && <p className="poa-warning">{log.warning}</p>}
              <div className="button-row">
                <button
                  type="button"
                  className="button-primary"
                  data-testid="poa-confirm-yes"
                  onClick={() =>
                    confirm === 'copy' ? void copyLetter(letter, t).then(() => setConfirm(null)) : void send()
                  }
                >
                  {confirm === 'copy' ? t.poa.copyAnyway : t.poa.confirmSent}
                </button>
                <button type="button" onClick={() => setConfirm(null)}>
                  {t.poa.cancel}
                </button>
              </div>
            </div>
          )}
          <PoaChecks draft={draft} onGoToQuestion={goToQuestion} />
        </div>
      )}
      {log && <AppealsLog key={log.submissions.length} log={log} />}
    </section>
  );
}

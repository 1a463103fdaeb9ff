import { useEffect, useState } from 'react';
import { isCompleteDate } from './caseDates.js';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  hint?: string;
  testId?: string;
}

/** A text input that saves on blur or Enter, and follows the saved value when it changes. */
export function CommitTextField({ id, label, value, onCommit, hint, testId }: FieldProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() !== value) onCommit(text.trim());
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} {hint && <span className="field-hint">({hint})</span>}
      </label>
      <input
        id={id}
        type="text"
        data-testid={testId}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) commit();
        }}
      />
    </div>
  );
}

/** A date input that saves as soon as it holds a whole date (or is cleared), and on blur. */
export function CommitDateField({ id, label, value, onCommit, testId }: FieldProps) {
  const [date, setDate] = useState(value);
  useEffect(() => setDate(value), [value]);
  const commit = (next: string) => {
    if (next !== value && (next === '' || isCompleteDate(next))) onCommit(next);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        data-testid={testId}
        value={date}
        onChange={(event) => {
          setDate(event.target.value);
          commit(event.target.value);
        }}
        onBlur={() => commit(date)}
      />
    </div>
  );
}

import type { ContentProblem } from '../../../electron/common/index.js';
import { useLibrary } from '../services/library.js';
import { useT } from '../i18n/useT.js';

export function ProblemList({ problems }: { problems: ContentProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list">
      {problems.map((problem) => (
        <li key={`${problem.path}:${problem.message}`}>
          <code>{problem.path}</code>: {problem.message}
        </li>
      ))}
    </ul>
  );
}

/** Files of the built-in library that could not be loaded. */
export function LibraryProblems() {
  const t = useT();
  const { info } = useLibrary();
  const problems = info?.problems ?? [];
  return (
    <section className="card" aria-labelledby="settings-problems">
      <h2 id="settings-problems">{t.settings.problems}</h2>
      {problems.length === 0 ? (
        <p className="muted">{t.settings.noProblems}</p>
      ) : (
        <>
          <p>{t.settings.problemsHint}</p>
          <ProblemList problems={problems} />
        </>
      )}
    </section>
  );
}

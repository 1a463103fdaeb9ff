import { useState, type FormEvent } from 'react';
import { kb } from '../api/index.js';
import { refreshLibrary, useLibrary } from '../services/library.js';
import { useAction } from '../services/useAction.js';
import { useT } from '../i18n/useT.js';
import { ProblemList } from './LibraryProblems.js';

/** The user's own article folders: add by path, remove, and see what failed to load. */
export function FolderSettings() {
  const t = useT();
  const { info } = useLibrary();
  const [path, setPath] = useState('');
  const { busy, run: runAction } = useAction();

  const run = (call: () => Promise<Parameters<typeof refreshLibrary>[0]>, message: string) =>
    runAction(async () => refreshLibrary(await call()), { done: message });
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (path.trim() && (await run(() => kb.addUserFolder({ path: path.trim() }), t.settings.folderAdded))) setPath('');
  };

  const folders = info?.userFolders ?? [];
  return (
    <section className="card" aria-labelledby="settings-folders">
      <h2 id="settings-folders">{t.settings.folders}</h2>
      <p className="field-hint">{t.settings.foldersHint}</p>
      {folders.length === 0 ? (
        <p className="muted">{t.settings.noFolders}</p>
      ) : (
        <ul className="folder-list">
          {folders.map((folder) => (
            <li key={folder.path}>
              <div className="folder-row">
                <code className="folder-path">{folder.path}</code>
                <span className="muted">{t.settings.folderArticles(folder.articleCount)}</span>
                <button
                  type="button"
                  className="button-small"
                  disabled={busy}
                  onClick={() => void run(() => kb.removeUserFolder({ path: folder.path }), t.settings.folderRemoved)}
                >
                  {t.common.remove}
                </button>
              </div>
              <ProblemList problems={folder.problems} />
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={(event) => void add(event)}>
        <div className="field field-grow">
          <label htmlFor="folder-path">{t.settings.folderPath}</label>
          <input
            id="folder-path"
            type="text"
            value={path}
            placeholder={t.settings.folderPlaceholder}
            onChange={(event) => setPath(event.target.value)}
          />
        </div>
        <button type="submit" disabled={busy || !path.trim()}>
          {t.settings.addFolder}
        </button>
      </form>
    </section>
  );
}

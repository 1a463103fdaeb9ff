import { kb } from '../api/index.js';
import { downloadFiles } from '../services/download.js';
import { useAction } from '../services/useAction.js';
import { useT } from '../i18n/useT.js';
import { useUiLang } from '../settings/preferences.js';

/** Markdown and JSON export of one case (caseId) or of the whole notebook, downloaded as files. */
export function ExportButtons({ caseId, onExported }: { caseId?: number; onExported?: () => void }) {
  const t = useT();
  const lang = useUiLang();
  const { busy, run: runAction } = useAction();
  const run = async (format: 'md' | 'json') => {
    const work = async () => {
      const files = await kb.exportNotebook(caseId === undefined ? { format, lang } : { format, caseId, lang });
      downloadFiles(files);
      return files;
    };
    if (await runAction(work, { done: (files) => t.cases.exported(files.length) })) onExported?.();
  };
  return (
    <div className="button-row">
      <button type="button" data-testid="export-md" disabled={busy} onClick={() => void run('md')}>
        {t.cases.exportMd}
      </button>
      <button type="button" data-testid="export-json" disabled={busy} onClick={() => void run('json')}>
        {t.cases.exportJson}
      </button>
    </div>
  );
}

import type { ActivityRecord, Lang } from '../../../electron/common/index.js';
import { CASE_LABELS, labelOf } from '../../../electron/common/index.js';

/**
 * The detail of a timeline entry in the interface language: the core records codes (a status
 * change "open → appeal-sent", changed fields "asins, nextFollowUp", an export format "md").
 */
export function activityDetail(entry: Pick<ActivityRecord, 'kind' | 'detail'>, lang: Lang): string {
  const words = CASE_LABELS[lang];
  switch (entry.kind) {
    case 'status-changed':
      return entry.detail
        .split(' → ')
        .map((status) => labelOf(words.status, status))
        .join(' → ');
    case 'case-updated':
      return entry.detail
        .split(', ')
        .map((field) => labelOf(words.field, field))
        .join(words.listSeparator);
    case 'exported':
      return labelOf(words.exportFormat, entry.detail);
    default:
      return entry.detail;
  }
}

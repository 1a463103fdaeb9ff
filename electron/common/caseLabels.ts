/**
 * The words for a case's codes in both interface languages, shared by the renderer (the timeline)
 * and the core (the Markdown export), so an export reads like the screen it came from.
 */
import type { Lang } from './content.js';
import type { CaseCause, CaseInput, CaseStatus, NoteKind } from './notebook.js';

export interface CaseLabels {
  cause: Record<CaseCause, string>;
  status: Record<CaseStatus, string>;
  field: Record<keyof CaseInput, string>;
  noteKind: Record<NoteKind, string>;
  exportFormat: Record<'md' | 'json', string>;
  /** "Note 3", the heading of an untitled note. */
  note: (id: number) => string;
  updated: string;
  /** The heading of a case's appeals in the Markdown export, and of each one. */
  appeals: string;
  appeal: (number: number, sentAt: string) => string;
  none: string;
  colon: string;
  listSeparator: string;
}

export const CASE_LABELS: Readonly<Record<Lang, CaseLabels>> = {
  en: {
    cause: {
      'related-accounts': 'Related accounts',
      'restricted-products': 'Restricted products',
      'a-to-z-chargebacks': 'A-to-Z claims & chargebacks',
      'order-defect-rate': 'Order defect rate',
      counterfeit: 'Counterfeit complaints',
      'ip-infringement': 'IP infringement',
      'new-account': 'New account',
      other: 'Other',
    },
    status: {
      open: 'Open',
      'appeal-sent': 'Appeal sent',
      'more-info-requested': 'More information requested',
      reinstated: 'Reinstated',
      denied: 'Denied',
      closed: 'Closed',
    },
    field: {
      title: 'Title',
      marketplace: 'Marketplace',
      cause: 'Cause',
      status: 'Status',
      noticeReceived: 'Notice received',
      appealSent: 'Appeal sent',
      nextFollowUp: 'Next follow-up',
      asins: 'ASINs',
      linkedArticles: 'Linked articles',
    },
    noteKind: { note: 'Note', 'plan-of-action': 'Plan of Action', attachment: 'Text of an attachment' },
    exportFormat: { md: 'Markdown', json: 'JSON file' },
    note: (id) => `Note ${id}`,
    updated: 'updated',
    appeals: 'Appeals sent',
    appeal: (number, sentAt) => `Appeal #${number} · sent ${sentAt}`,
    none: '—',
    colon: ': ',
    listSeparator: ', ',
  },
  zh: {
    cause: {
      'related-accounts': '账号关联',
      'restricted-products': '违禁或限售商品',
      'a-to-z-chargebacks': 'A-to-Z 索赔与拒付',
      'order-defect-rate': '订单缺陷率过高',
      counterfeit: '售假投诉',
      'ip-infringement': '知识产权侵权',
      'new-account': '新账号被封',
      other: '其他',
    },
    status: {
      open: '处理中',
      'appeal-sent': '已提交申诉',
      'more-info-requested': '需补充材料',
      reinstated: '已恢复',
      denied: '申诉被拒',
      closed: '已结案',
    },
    field: {
      title: '标题',
      marketplace: '站点',
      cause: '原因',
      status: '状态',
      noticeReceived: '收到通知',
      appealSent: '提交申诉',
      nextFollowUp: '下次跟进',
      asins: 'ASIN',
      linkedArticles: '关联文章',
    },
    noteKind: { note: '笔记', 'plan-of-action': '行动计划（POA）', attachment: '附件文字' },
    exportFormat: { md: 'Markdown 文件', json: 'JSON 文件' },
    note: (id) => `笔记 ${id}`,
    updated: '更新于',
    appeals: '已发送的申诉',
    appeal: (number, sentAt) => `第 ${number} 次申诉 · 发送于 ${sentAt}`,
    none: '—',
    colon: '：',
    listSeparator: '、',
  },
};

/** The words of a code in `lang`, or the code itself when it is not one of the known ones (older data). */
export function labelOf<K extends string>(words: Record<K, string>, code: string): string {
  return Object.hasOwn(words, code) ? words[code as K] : code;
}

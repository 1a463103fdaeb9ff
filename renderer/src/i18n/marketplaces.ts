import type { Marketplace } from '../../../electron/common/index.js';
import type { UiLang } from './uiLang.js';

const NAMES: Record<Marketplace | 'ALL', { zh: string; en: string }> = {
  US: { zh: '美国', en: 'United States' },
  CA: { zh: '加拿大', en: 'Canada' },
  MX: { zh: '墨西哥', en: 'Mexico' },
  UK: { zh: '英国', en: 'United Kingdom' },
  DE: { zh: '德国', en: 'Germany' },
  FR: { zh: '法国', en: 'France' },
  IT: { zh: '意大利', en: 'Italy' },
  ES: { zh: '西班牙', en: 'Spain' },
  JP: { zh: '日本', en: 'Japan' },
  ALL: { zh: '所有站点', en: 'All marketplaces' },
};

/** "DE — Germany / 德国": the code, then the name in the interface language and in the other one. */
export function marketplaceLabel(code: Marketplace | 'ALL', lang: UiLang): string {
  const name = NAMES[code];
  return lang === 'zh' ? `${code} — ${name.zh} / ${name.en}` : `${code} — ${name.en} / ${name.zh}`;
}

/** The marketplace's name alone, in the interface language. */
export function marketplaceName(code: Marketplace | 'ALL', lang: UiLang): string {
  return NAMES[code][lang];
}

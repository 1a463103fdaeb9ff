import { useUiLang } from '../settings/preferences.js';
import { en, type Messages } from './en.js';
import { zh } from './zh.js';

const MESSAGES = { zh, en } as const;

/** The strings of the interface language in effect. */
export function useT(): Messages {
  return MESSAGES[useUiLang()];
}

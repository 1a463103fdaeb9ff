import type { ReactNode } from 'react';
import { useStore, type Store } from '../services/store.js';
import { useT } from '../i18n/useT.js';
import {
  ARTICLE_LANGUAGE_CHOICES,
  THEME_CHOICES,
  UI_LANGUAGE_CHOICES,
  ZOOM_CHOICES,
  articleLanguageStore,
  themeStore,
  uiLanguageStore,
  zoomStore,
} from './preferences.js';

interface ChoiceProps<T extends string> {
  id: string;
  label: string;
  hint?: string;
  store: Store<T>;
  choices: readonly T[];
  labelOf: (choice: T) => ReactNode;
}

/** A select bound to a stored preference. */
function ChoiceField<T extends string>({ id, label, hint, store, choices, labelOf }: ChoiceProps<T>) {
  const value = useStore(store);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-testid={id}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => store.set(event.target.value as T)}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labelOf(choice)}
          </option>
        ))}
      </select>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** Interface language, article language, theme and text size; kept by the core in the data folder (shared by the desktop app and web mode). */
export function AppearanceSettings() {
  const t = useT();
  const s = t.settings;
  return (
    <section className="card" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">{s.appearance}</h2>
      <div className="form-grid">
        <ChoiceField
          id="ui-language"
          label={s.uiLanguage}
          store={uiLanguageStore}
          choices={UI_LANGUAGE_CHOICES}
          labelOf={(choice) => (choice === 'system' ? s.followSystem : choice === 'zh' ? '中文（简体）' : 'English')}
        />
        <ChoiceField
          id="article-language"
          label={s.articleLanguage}
          hint={s.articleLanguageHint}
          store={articleLanguageStore}
          choices={ARTICLE_LANGUAGE_CHOICES}
          labelOf={(choice) => (choice === 'ui' ? s.sameAsInterface : t.lang[choice])}
        />
        <ChoiceField
          id="theme"
          label={s.theme}
          store={themeStore}
          choices={THEME_CHOICES}
          labelOf={(choice) => ({ system: s.themeSystem, light: s.themeLight, dark: s.themeDark })[choice]}
        />
        <ChoiceField
          id="zoom"
          label={s.zoom}
          store={zoomStore}
          choices={ZOOM_CHOICES}
          labelOf={(choice) => `${choice}%`}
        />
      </div>
    </section>
  );
}

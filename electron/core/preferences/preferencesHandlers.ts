import { join } from 'node:path';
import type { KbApi } from '../../common/index.js';
import { validatePreferenceChanges } from '../../common/index.js';
import { PREFERENCES_FILE, PreferencesFile } from './preferencesFile.js';

/** The preferences feature: kept in the data folder, not the notebook, so a locked notebook does not hide them. */
export function preferencesHandlers(dataDir: string): Pick<KbApi, 'getPreferences' | 'setPreferences'> {
  const file = new PreferencesFile(join(dataDir, PREFERENCES_FILE));
  return {
    getPreferences: async () => file.read(),
    setPreferences: async (changes) => file.write(validatePreferenceChanges(changes)),
  };
}

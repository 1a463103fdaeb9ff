import {
  apiFromCall,
  createEventHub,
  DEFAULT_PREFERENCES,
  eventsFromSubscribe,
  KbError,
  type KbApi,
  type KbEventEnvelope,
  type KbMethod,
  type Preferences,
} from '../../electron/common/index.js';
import { provideKbApi } from '../../renderer/src/api/index.js';

export interface FakeKb {
  api: KbApi;
  /** Every call made, in order, with its argument. */
  calls: { method: KbMethod; argument: unknown }[];
  /** Sends a push event to the page, as the core would. */
  emit(envelope: KbEventEnvelope): void;
}

/**
 * A KbApi for component tests: the given methods answer, every other one refuses with UNKNOWN_METHOD;
 * preferences are kept in memory like the core keeps them. Installed behind the renderer's `kb`
 * (and `kbEvents`, whose events the test sends with `emit`).
 */
export function installFakeKb(methods: Partial<KbApi> = {}): FakeKb {
  let preferences: Preferences = structuredClone(DEFAULT_PREFERENCES) as Preferences;
  const own: Partial<KbApi> = {
    getPreferences: async () => structuredClone(preferences),
    setPreferences: async (changes) => (preferences = { ...preferences, ...changes }),
    ...methods,
  };
  const calls: FakeKb['calls'] = [];
  const api = apiFromCall(async (method, argument) => {
    calls.push({ method, argument });
    const handler = own[method] as ((argument: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new KbError('UNKNOWN_METHOD', `fake core: ${method} is not given in this test`);
    return handler(argument);
  });
  const hub = createEventHub();
  provideKbApi(
    api,
    eventsFromSubscribe((listener) => hub.subscribe(listener)),
  );
  return { api, calls, emit: (envelope) => hub.publish(envelope) };
}

// From the first import on, no component test reaches for a real server by accident.
installFakeKb();

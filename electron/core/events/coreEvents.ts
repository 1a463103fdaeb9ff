import type {
  KbEventEnvelope,
  KbEventListener,
  KbEventName,
  KbEventPayloads,
  KbEvents,
  Unsubscribe,
} from '../../common/index.js';
import { createEventHub, eventsFromSubscribe } from '../../common/index.js';

/** What the core offers its doors: the typed subscriptions, and the whole envelope stream to forward. */
export interface CoreEventSource extends KbEvents {
  /** Every event as its envelope, for a door that passes them on unchanged (IPC, Server-Sent Events). */
  subscribe(listener: KbEventListener): Unsubscribe;
}

/**
 * The core's event emitter. A listener that throws is reported and skipped, so one broken window
 * never keeps an event from the others, nor fails the call that caused it.
 *
 * @example const events = new CoreEvents(); const stop = events.onDue((due) => show(due)); events.emit('due', []); stop();
 */
export class CoreEvents implements CoreEventSource {
  private readonly hub = createEventHub();
  private readonly typed = eventsFromSubscribe((listener) => this.hub.subscribe(listener));

  readonly onLibraryChanged = this.typed.onLibraryChanged;
  readonly onDue = this.typed.onDue;

  /** Adds a listener of every event; the returned function removes it. */
  subscribe(listener: KbEventListener): Unsubscribe {
    return this.hub.subscribe(listener);
  }

  /** Sends one event to every listener subscribed now. */
  emit<E extends KbEventName>(event: E, payload: KbEventPayloads[E]): void {
    this.hub.publish({ event, payload } as KbEventEnvelope);
  }

  /** How many listeners are subscribed (doors and tests check that they cleaned up). */
  get listenerCount(): number {
    return this.hub.size;
  }

  /** Ends every subscription (the core is closing). */
  clear(): void {
    this.hub.clear();
  }
}

import { EventEmitter } from 'node:events';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

// The child's end of forkUtilityProcess: what Electron gives a utility process as
// process.parentPort — on('message', ({ data }) => …), postMessage — over Node's IPC channel,
// queuing messages until a listener is attached (as Electron's parentPort does). Then the
// module itself runs.
// SELLER_KB_TEST_HOLD=method: calls of that method are never delivered, so a test has a call the
// process is busy with when it kills it (no timing involved).
// SELLER_KB_TEST_NETWORK_LOG=file: every attempt at a network request is written there and refused
// (the parent's spies cannot see into this process).
const networkLog = process.env.SELLER_KB_TEST_NETWORK_LOG;
if (networkLog) {
  const refuse = (name: string) => () => {
    appendFileSync(networkLog, `${name}\n`);
    throw new Error(`test: ${name} is not allowed in the core's process`);
  };
  Object.assign(http, { request: refuse('http.request'), get: refuse('http.get') });
  Object.assign(https, { request: refuse('https.request'), get: refuse('https.get') });
  Object.assign(net, { connect: refuse('net.connect'), createConnection: refuse('net.createConnection') });
  globalThis.fetch = refuse('fetch') as typeof fetch;
}
const port = new EventEmitter();
const queued: unknown[] = [];
const hold = process.env.SELLER_KB_TEST_HOLD ?? '';

function deliver(data: unknown): void {
  if ((data as { kind?: unknown; method?: unknown }).kind === 'call' && (data as { method?: unknown }).method === hold)
    return;
  port.emit('message', { data });
}

process.on('message', (data) => {
  if (port.listenerCount('message') > 0) deliver(data);
  else queued.push(data);
});
port.on('newListener', (event) => {
  if (event === 'message') setImmediate(() => queued.splice(0).forEach(deliver));
});
Object.assign(port, { postMessage: (message: unknown) => process.send!(message) });
Object.defineProperty(process, 'parentPort', { value: port, configurable: true });

await import(process.env.SELLER_KB_UTILITY_MODULE!);

import { parseCoreOptions } from '../common/coreProcess.js';
import { serveCore } from './coreHost.js';

// The core's own process: Electron's main starts this file with utilityProcess.fork (see
// coreClient.ts), so the window's process only owns windows and IPC. process.parentPort is the
// channel to main; it queues messages until the listener below is attached.
if (!process.parentPort)
  throw new Error('Seller KB core: coreProcess runs only as a utility process of the desktop app');
serveCore(process.parentPort, parseCoreOptions(process.argv), (code) => process.exit(code));

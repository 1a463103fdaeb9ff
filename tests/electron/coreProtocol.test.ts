import { describe, expect, it } from 'vitest';
import {
  coreOptionsArgument,
  isFromCoreMessage,
  isToCoreMessage,
  parseCoreOptions,
} from '../../electron/common/coreProcess.js';

describe('the message protocol between main and the core’s process', () => {
  it('carries the options on one switch, paths with spaces and quotes intact, and names what is missing', () => {
    const options = {
      appRoot: '/Applications/Seller KB.app/Contents/Resources/app.asar',
      dataDir: 'C:\\Users\\李 "x"\\Seller KB',
      prebuiltPath: null,
      autoBackup: true,
    };
    expect(parseCoreOptions(['/electron', 'coreProcess.cjs', coreOptionsArgument(options)])).toEqual(options);
    expect(() => parseCoreOptions(['/electron', 'coreProcess.cjs'])).toThrow(
      'Seller KB core: started without --core-options={…}',
    );
    expect(() => parseCoreOptions([coreOptionsArgument({ ...options, dataDir: '' })])).toThrow(
      '--core-options= has no dataDir',
    );
  });

  it('accepts the messages of the protocol and nothing else', () => {
    expect(isToCoreMessage({ kind: 'call', id: 1, method: 'search', argument: { text: 'x' } })).toBe(true);
    expect(isToCoreMessage({ kind: 'openFileDone', id: 2, problem: null })).toBe(true);
    expect(isToCoreMessage({ kind: 'close' })).toBe(true);
    expect(isToCoreMessage({ kind: 'call', id: '1', method: 'search' })).toBe(false);
    expect(isToCoreMessage({ kind: 'openFileDone', id: 2, problem: 3 })).toBe(false);
    expect(isToCoreMessage(['close'])).toBe(false);

    expect(isFromCoreMessage({ kind: 'ready' })).toBe(true);
    expect(isFromCoreMessage({ kind: 'reply', id: 1, envelope: { ok: true, value: 1 } })).toBe(true);
    expect(isFromCoreMessage({ kind: 'event', envelope: { event: 'due', payload: [] } })).toBe(true);
    expect(isFromCoreMessage({ kind: 'openFile', id: 1, path: '/tmp/a.pdf' })).toBe(true);
    expect(isFromCoreMessage({ kind: 'failed', message: 'notebook.db is damaged' })).toBe(true);
    expect(isFromCoreMessage({ kind: 'reply', id: 1.5, envelope: { ok: true } })).toBe(false);
    expect(isFromCoreMessage({ kind: 'event', envelope: { event: 'hacked', payload: {} } })).toBe(false);
    expect(isFromCoreMessage({ kind: 'openFile', id: 1 })).toBe(false);
    expect(isFromCoreMessage(null)).toBe(false);
  });
});

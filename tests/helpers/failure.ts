import { expect } from 'vitest';
import { KbError } from '../../electron/common/index.js';

/** The KbError a call rejects with; fails the test when it resolves or throws something else. */
export async function failure(promise: Promise<unknown>): Promise<KbError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KbError);
  return error as KbError;
}

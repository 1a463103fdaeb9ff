/** Stable error codes that cross every door unchanged. */
export const ERROR_CODES = [
  'NOT_FOUND',
  'INVALID_INPUT',
  'STORAGE',
  'CORRUPT_DATABASE',
  'SCHEMA_TOO_NEW',
  'LOCKED',
  // The notebook (or a backup) is encrypted: give its passphrase first.
  'PASSPHRASE_REQUIRED',
  'WRONG_PASSPHRASE',
  'CONFLICT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNKNOWN_METHOD',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The JSON form of an error: what crosses IPC and HTTP, never a stack trace. */
export interface KbErrorData {
  code: ErrorCode;
  /** English, naming what and where; the renderer words the error from its code and details. */
  message: string;
  /** Facts about the error a renderer may show (a path, a field name), when there are any. */
  details?: ErrorDetails;
}

export type ErrorDetails = Record<string, string | number | boolean>;

/** An error with a stable code; its message names the input and what was wrong. */
export class KbError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'KbError';
    this.code = code;
    this.details = details;
  }

  toJSON(): KbErrorData {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** Turns anything thrown into the JSON form, hiding internals of unexpected errors. */
export function toErrorData(error: unknown): KbErrorData {
  if (error instanceof KbError) return error.toJSON();
  return { code: 'INTERNAL', message: 'Internal error: the operation failed unexpectedly' };
}

/** Every call's reply: a value or an error, so errors survive structured clone and JSON alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: KbErrorData };

/** Returns the value of an envelope or throws its error as a KbError. */
export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  const code = (ERROR_CODES as readonly string[]).includes(envelope.error.code) ? envelope.error.code : 'INTERNAL';
  const details = envelope.error.details;
  throw new KbError(
    code,
    envelope.error.message,
    typeof details === 'object' && details !== null && !Array.isArray(details) ? details : undefined,
  );
}

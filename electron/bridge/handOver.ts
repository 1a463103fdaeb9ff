import { randomBytes } from 'node:crypto';

/** What exchanging a one-time link's nonce gave: the token, or why not. */
export type Exchange = { token: string } | { refused: 'unknown' | 'reused' };

function secret(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Hands the bridge's token to the page without putting it on any command line (where every local
 * user reads it in `ps`). The browser is opened on a one-time link, `/#nonce=…`; the page trades the
 * nonce for the token once (`POST /session`) and keeps the token in its tab's sessionStorage. A
 * nonce is worth nothing once used. A nonce presented a second time means someone else had it (the
 * opener's command line is public): then the token is replaced, so whoever traded it first loses
 * access, and `onReuse` can give the user a fresh link.
 */
export class TokenHandOver {
  private token: string;
  private readonly pending = new Set<string>();
  private readonly spent = new Set<string>();

  constructor(
    token: string | undefined,
    private readonly onReuse: () => void = () => undefined,
  ) {
    this.token = token ?? secret();
  }

  /** The token API calls must carry now. */
  current(): string {
    return this.token;
  }

  /** A new nonce, good for one exchange. */
  issue(): string {
    const nonce = secret();
    this.pending.add(nonce);
    return nonce;
  }

  /** Trades a pending nonce for the token, once. */
  exchange(nonce: unknown): Exchange {
    if (typeof nonce !== 'string') return { refused: 'unknown' };
    if (this.pending.delete(nonce)) {
      this.spent.add(nonce);
      return { token: this.token };
    }
    if (!this.spent.has(nonce)) return { refused: 'unknown' };
    this.token = secret();
    this.onReuse();
    return { refused: 'reused' };
  }
}

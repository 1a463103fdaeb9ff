// better-sqlite3-multiple-ciphers ships typings its package.json "exports" does not expose. Its API
// is better-sqlite3's plus key/rekey, so it is typed as that: one Db type serves both drivers.
declare module 'better-sqlite3-multiple-ciphers' {
  import type BetterSqlite3 from 'better-sqlite3';

  interface CipherDatabase extends BetterSqlite3.Database {
    /** sqlite3_key: the passphrase's bytes, from which the cipher derives its key. */
    key(passphrase: Buffer): number;
    rekey(passphrase: Buffer): number;
  }

  const CipherDatabase: new (filename: string, options?: BetterSqlite3.Options) => CipherDatabase;
  export default CipherDatabase;
}

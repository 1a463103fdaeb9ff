/**
 * The peers of the real-text benchmark besides seller-kb and minisearch: flexsearch (forward
 * tokenizer, one term per Han character as its documentation suggests for CJK) and SQLite FTS5 with
 * the trigram tokenizer (substring search; LIKE for queries shorter than three characters).
 */
import Database from 'better-sqlite3';
import FlexSearch from 'flexsearch';
import type { BenchDoc } from './corpus.js';
import { RESULT_LIMIT, type Engine } from './engines.js';

const textOf = (doc: BenchDoc) => `${doc.title}\n${doc.tags}\n${doc.summary}\n${doc.body}`;

export function flexSearch(): Engine {
  const options = {
    tokenize: 'forward' as const,
    encode: (text: string) =>
      text
        .normalize('NFKC')
        .toLowerCase()
        .match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? [],
  };
  const build = (docs: BenchDoc[]) => {
    const index = new FlexSearch.Index(options);
    for (const doc of docs) index.add(doc.id, textOf(doc));
    return index;
  };
  return {
    name: 'flexsearch',
    build(docs) {
      const index = build(docs);
      return {
        serialize: () => {
          const parts: [string, string][] = [];
          void index.export((key, data) => {
            parts.push([String(key), String(data)]);
          });
          return JSON.stringify(parts);
        },
      };
    },
    load(serialized) {
      const index = new FlexSearch.Index(options);
      for (const [key, data] of JSON.parse(String(serialized)) as [string, string][]) index.import(key, data);
      return { search: (text) => (index.search(text, RESULT_LIMIT) as (string | number)[]).map(String) };
    },
  };
}

export function sqliteTrigram(): Engine {
  return {
    name: 'sqlite-fts5-trigram',
    build(docs) {
      const db = new Database(':memory:');
      db.exec(`CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, tokenize='trigram')`);
      const insert = db.prepare('INSERT INTO docs (id, text) VALUES (?, ?)');
      db.transaction(() => docs.forEach((doc) => insert.run(doc.id, textOf(doc))))();
      return { serialize: () => new Uint8Array(db.serialize()) };
    },
    load(serialized) {
      const db = new Database(Buffer.from(serialized as Uint8Array));
      const match = db.prepare(`SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ${RESULT_LIMIT}`).pluck();
      const like = db.prepare(`SELECT id FROM docs WHERE text LIKE ? LIMIT ${RESULT_LIMIT}`).pluck();
      return {
        search: (text) => {
          const query = text.trim();
          if (Array.from(query).length < 3) return like.all(`%${query.replace(/[%_]/g, '')}%`) as string[];
          return match.all(`"${query.replace(/"/g, '""')}"`) as string[];
        },
      };
    },
  };
}

import type { Database } from 'better-sqlite3';
import { noteGrams } from './noteGrams.js';

/** SQL, or a function for a step SQL alone cannot do. */
export type Migration = string | ((db: Database) => void);

/**
 * Schema migrations, applied in order; PRAGMA user_version records how many have run.
 * Never edit a released migration: add a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 1: cases, notes, their timeline, reading progress and settings.
  `
  CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    marketplace TEXT,
    cause TEXT NOT NULL DEFAULT 'other',
    status TEXT NOT NULL DEFAULT 'open',
    notice_received TEXT,
    appeal_sent TEXT,
    next_follow_up TEXT,
    follow_up_rule TEXT,
    asins TEXT NOT NULL DEFAULT '[]',
    linked_articles TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  );
  CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    kind TEXT NOT NULL DEFAULT 'note',
    revision INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  );
  CREATE INDEX notes_by_case ON notes(case_id);
  CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX activity_by_case ON activity(case_id);
  CREATE TABLE checklist_steps (
    article_id TEXT NOT NULL,
    checklist TEXT NOT NULL,
    step INTEGER NOT NULL,
    PRIMARY KEY (article_id, checklist, step)
  ) WITHOUT ROWID;
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  `,
  // 2: full-text search over notes. Trigram FTS5 finds any substring of 3+ characters; note_grams
  // holds each note's CJK characters and bigrams so 1–2 character Chinese queries use an index too.
  `
  CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, content='notes', content_rowid='id', tokenize='trigram');
  INSERT INTO notes_fts(rowid, title, body) SELECT id, title, body FROM notes;
  CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
  END;
  CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  END;
  CREATE TRIGGER notes_fts_update AFTER UPDATE OF title, body ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO notes_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
  END;
  CREATE TABLE note_grams (
    gram TEXT NOT NULL,
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    PRIMARY KEY (gram, note_id)
  ) WITHOUT ROWID;
  CREATE INDEX note_grams_by_note ON note_grams(note_id);
  CREATE INDEX cases_by_follow_up ON cases(next_follow_up) WHERE deleted_at IS NULL;
  `,
  // 3: the grams move into a contentless FTS5 table (one token per gram): a note's 50-odd grams
  // are written as one FTS row instead of 50 B-tree inserts, and read newest note first.
  (db) => {
    db.exec(`
      DROP TABLE note_grams;
      CREATE VIRTUAL TABLE note_grams USING fts5(grams, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
    `);
    const insert = db.prepare('INSERT INTO note_grams (rowid, grams) VALUES (?, ?)');
    const page = db.prepare('SELECT id, title, body FROM notes WHERE id > ? ORDER BY id LIMIT 500');
    // Read in pages: a connection cannot write while a query on it is still being iterated.
    for (let notes = page.all(0) as { id: number; title: string; body: string }[]; notes.length > 0; notes = page.all(notes.at(-1)!.id) as typeof notes) {
      for (const note of notes) insert.run(note.id, [...noteGrams(`${note.title}\n${note.body}`)].join(' '));
    }
  },
  // Checklist progress per checklist name (issue 19): both language twins share a checklist's name,
  // so they share its ticks. Existing ticks of either twin are kept (their union).
  `
  CREATE TABLE checklist_ticks (
    checklist TEXT NOT NULL,
    step INTEGER NOT NULL,
    PRIMARY KEY (checklist, step)
  ) WITHOUT ROWID;
  INSERT OR IGNORE INTO checklist_ticks (checklist, step) SELECT checklist, step FROM checklist_steps;
  DROP TABLE checklist_steps;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

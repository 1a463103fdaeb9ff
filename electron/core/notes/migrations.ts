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
    for (
      let notes = page.all(0) as { id: number; title: string; body: string }[];
      notes.length > 0;
      notes = page.all(notes.at(-1)!.id) as typeof notes
    ) {
      for (const note of notes) insert.run(note.id, [...noteGrams(`${note.title}\n${note.body}`)].join(' '));
    }
  },
  // (issue 16, case from notice): the notice text a case was made from and its analysis, kept with the case.
  `
  CREATE TABLE case_notices (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  // Plan-of-Action builder (issue 17): the seller's answers to the guided questions, and every appeal
  // as it was sent (Appeal #1, #2 … per case).
  `
  CREATE TABLE poa_answers (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (case_id, question)
  ) WITHOUT ROWID;
  CREATE TABLE appeal_submissions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    UNIQUE (case_id, number)
  );
  `,
  // Note history (issue 17): earlier states of notes (the note itself is the newest). A note's history
  // window opens at a save that keeps the state before it; saves within a minute of that keep nothing
  // more, so typing leaves one revision per minute, and new notes cost nothing.
  `
  CREATE TABLE note_revisions (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,
    saved_at TEXT NOT NULL
  );
  CREATE INDEX note_revisions_by_note ON note_revisions(note_id, saved_at);
  CREATE TABLE note_history_windows (
    note_id INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
    opened_at TEXT NOT NULL
  );
  `,
  // Issue 13 (integrity): the file says it is a Seller KB notebook (application_id "SKB1"), and gets a
  // random id of its own that every write transaction rewrites, so a WAL shows which notebook wrote it.
  `
  CREATE TABLE notebook_identity (id TEXT NOT NULL, writes INTEGER NOT NULL DEFAULT 0);
  INSERT INTO notebook_identity (id) VALUES (lower(hex(randomblob(16))));
  PRAGMA application_id = 1397441073;
  `,
  // Issue 13 (privacy): the editor's unsaved drafts, in the notebook (encrypted with it) instead of
  // the browser's storage. note_key is the note's id, or 0 for a note not saved yet.
  `
  CREATE TABLE note_drafts (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    note_key INTEGER NOT NULL,
    title TEXT NOT NULL,
    tags TEXT NOT NULL,
    body TEXT NOT NULL,
    base_revision INTEGER,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (case_id, note_key)
  ) WITHOUT ROWID;
  `,
  // Evidence vault (issue 18): attached files live in the notebook, so backups, restore and
  // encryption include them. A file's bytes are stored once per SHA-256, however often attached.
  `
  CREATE TABLE attachment_blobs (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL,
    blob_id INTEGER NOT NULL REFERENCES attachment_blobs(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    width INTEGER,
    height INTEGER,
    pages INTEGER,
    text_status TEXT NOT NULL,
    text_error TEXT,
    text_note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX attachments_by_case ON attachments(case_id);
  CREATE INDEX attachments_by_blob ON attachments(blob_id);
  `,
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

//! The ledger's SQL schema, as versioned migrations written once for SQLite and PostgreSQL.
//!
//! Each migration is plain SQL with placeholders that [`Dialect::render`] fills:
//! `{SERIAL_PK}` (an auto-increment primary key), `{ROW_PK}` (an integer primary key given by the row, not
//! generated: SQLite's `INTEGER PRIMARY KEY`, the table's own row id), `{MONEY}` (exact decimal: `TEXT` in SQLite,
//! whose `NUMERIC` affinity would store floats; `NUMERIC` in PostgreSQL, unconstrained so that no amount is rounded
//! on the way in), `{JSON}` (`TEXT` / `JSONB`), `{DATE}` (`TEXT` as `YYYY-MM-DD` / `DATE`), `{TIMESTAMP}` (`TEXT` /
//! `TIMESTAMP`, UTC), `{WITHOUT_ROWID}` (SQLite's table option, nothing in PostgreSQL), `{IMPORTED_MARK}` and `{IMPORTED_OF_T}` (a title's import event: its mark, and the event made
//! of the JSON column `t.data`; see `Dialect::imported_of`).
//! Everything else (`INSERT … ON CONFLICT … DO NOTHING`, the indexes, the unique keys) is valid in both.
//!
//! The applied version is kept in `baixa_schema_version`; [`Dialect::pending`] lists what a database at version
//! `v` still needs, in order.

/// The SQL dialect a migration is rendered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite 3.24 or later.
    Sqlite,
    /// PostgreSQL 12 or later.
    Postgres,
}

/// One schema version.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Version reached after applying it (1, 2, …).
    pub version: i64,
    /// What it does.
    pub description: &'static str,
    /// SQL with placeholders.
    pub sql: &'static str,
}

/// The table that records the schema version (created before any migration).
pub const VERSION_TABLE: &str = "CREATE TABLE IF NOT EXISTS baixa_schema_version (
    version BIGINT PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

/// Every migration, in order.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    description: "titles, their matching keys (nosso número, with DV, linked, seu número), files, entries (unique content identity), settlements, events",
    sql: "
CREATE TABLE titles (
    seq {SERIAL_PK},
    id TEXT NOT NULL UNIQUE,
    bank INTEGER NOT NULL,
    convenio_key TEXT NOT NULL,
    valor {MONEY} NOT NULL,
    vencimento {DATE} NOT NULL,
    status TEXT NOT NULL,
    paid {MONEY} NOT NULL,
    registered INTEGER NOT NULL,
    linked_nosso_numero TEXT,
    settled_on {DATE},
    data {JSON} NOT NULL
);
CREATE TABLE title_keys (
    kind TEXT NOT NULL,
    bank INTEGER NOT NULL,
    key TEXT NOT NULL,
    title_seq BIGINT NOT NULL REFERENCES titles (seq),
    exact INTEGER NOT NULL,
    PRIMARY KEY (kind, bank, key, title_seq)
);
CREATE INDEX title_keys_title ON title_keys (title_seq);
CREATE TABLE files (
    seq {SERIAL_PK},
    id TEXT NOT NULL UNIQUE,
    bank INTEGER NOT NULL,
    nsa BIGINT,
    data_geracao {DATE},
    entries BIGINT NOT NULL,
    applied_at {TIMESTAMP} NOT NULL,
    report {JSON}
);
CREATE TABLE entries (
    identity TEXT PRIMARY KEY,
    file_id TEXT NOT NULL,
    line BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    title_id TEXT,
    expected {MONEY},
    paid {MONEY},
    difference {MONEY},
    data {JSON}
);
CREATE INDEX entries_file ON entries (file_id);
CREATE TABLE settlements (
    identity TEXT PRIMARY KEY,
    title_id TEXT NOT NULL,
    valor {MONEY} NOT NULL,
    data {DATE} NOT NULL,
    meio TEXT NOT NULL,
    por TEXT NOT NULL,
    em {TIMESTAMP} NOT NULL,
    motivo TEXT NOT NULL
);
CREATE TABLE events (
    seq {SERIAL_PK},
    title_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    file_id TEXT,
    data {JSON} NOT NULL
);
CREATE INDEX events_title ON events (title_id, seq);
",
}, Migration {
    version: 2,
    description: "régua de cobrança: the steps issued, one row per (title, dias, acao)",
    sql: "
CREATE TABLE regua_actions (
    title_id TEXT NOT NULL,
    etapa_dias BIGINT NOT NULL,
    acao TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    canal TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    data {JSON} NOT NULL,
    PRIMARY KEY (title_id, etapa_dias, acao)
);
",
}, Migration {
    version: 3,
    description: "acordos: the agreements, and the titles each replaced and created (originals stay, status renegotiated)",
    sql: "
CREATE TABLE acordos (
    id TEXT PRIMARY KEY,
    data {DATE} NOT NULL,
    valor_negociado {MONEY} NOT NULL,
    recorded_at {TIMESTAMP} NOT NULL,
    acordo {JSON} NOT NULL
);
CREATE TABLE acordo_titulos (
    acordo_id TEXT NOT NULL REFERENCES acordos (id),
    title_id TEXT NOT NULL,
    papel TEXT NOT NULL,
    PRIMARY KEY (acordo_id, title_id)
);
CREATE INDEX acordo_titulos_title ON acordo_titulos (title_id);
",
}, Migration {
    // Segunda via (`crate::segunda_via`): additive only (one new table and its index; no existing table is
    // touched), so a ledger at version 2 keeps working for every older command after it.
    version: 4,
    description: "segunda via: the payer's page tokens (random, revocable), one row per token",
    sql: "
CREATE TABLE segunda_via_links (
    token TEXT PRIMARY KEY,
    title_id TEXT NOT NULL,
    created_at {TIMESTAMP} NOT NULL,
    revoked_at {TIMESTAMP}
);
CREATE INDEX segunda_via_links_title ON segunda_via_links (title_id);
",
}, Migration {
    // Additive only, like version 4: one new table; the instructions themselves stay in `regua_actions` (its
    // `data` carries the movimento written), this table holds the bank's answer to each.
    version: 5,
    description: "bank instructions: the retorno entry that confirmed or rejected each instruction the régua sent",
    sql: "
CREATE TABLE instrucao_respostas (
    title_id TEXT NOT NULL,
    etapa_dias BIGINT NOT NULL,
    acao TEXT NOT NULL,
    estado TEXT NOT NULL,
    file_id TEXT NOT NULL,
    line BIGINT NOT NULL,
    recorded_at {TIMESTAMP} NOT NULL,
    resposta {JSON} NOT NULL,
    PRIMARY KEY (title_id, etapa_dias, acao)
);
",
}, Migration {
    // Data only (no table or column changes; running it again changes nothing): an entry matched to a title has
    // its outcome in the title's history (`events`, its `Event::Entry`), which is what `history` reads; ledgers
    // written before version 6 (and PostgreSQL ones until then) also kept a second copy in `entries.data`. That
    // copy goes; an unmatched entry (no title, no history) keeps its outcome there.
    version: 6,
    description: "entries: a matched entry's outcome stored once (in the title's history), not again in entries.data",
    sql: "
UPDATE entries SET data = NULL WHERE title_id IS NOT NULL AND data IS NOT NULL;
",
}, Migration {
    // A title's state (what applying a file changes) moves to a table of its own, so that settling a title
    // rewrites a row of a few dozen bytes in place instead of the title's row with its JSON (`titles.data`). The
    // rows are copied, then the columns dropped from `titles`: nothing is lost, the values are the same.
    version: 7,
    description: "title_state: a title's status, amount paid, registration, linked nosso número and settlement date, in a table of their own",
    sql: "
CREATE TABLE title_state (
    title_seq {ROW_PK} REFERENCES titles (seq),
    status TEXT NOT NULL,
    paid {MONEY} NOT NULL,
    registered INTEGER NOT NULL,
    linked_nosso_numero TEXT,
    settled_on {DATE}
);
INSERT INTO title_state (title_seq, status, paid, registered, linked_nosso_numero, settled_on)
    SELECT seq, status, paid, registered, linked_nosso_numero, settled_on FROM titles ORDER BY seq;
ALTER TABLE titles DROP COLUMN status;
ALTER TABLE titles DROP COLUMN paid;
ALTER TABLE titles DROP COLUMN registered;
ALTER TABLE titles DROP COLUMN linked_nosso_numero;
ALTER TABLE titles DROP COLUMN settled_on;
",
}, Migration {
    // Data only: a title's JSON is kept once. Its latest import's history event (`Event::Imported`, which held the
    // whole title again) becomes a mark, `{"event":"imported"}`, read back with the title's own `titles.data`;
    // when a later import changes the title, the mark is first given the JSON it stood for. Only an event equal to
    // what the mark reads back is changed, so nothing is lost; running it again changes nothing.
    version: 8,
    description: "events: a title's latest import stored as a mark read with titles.data, not as a second copy of the title's JSON",
    sql: "
UPDATE events SET data = {IMPORTED_MARK} FROM titles t
WHERE events.kind = 'imported' AND t.id = events.title_id
  AND events.seq = (SELECT MAX(e2.seq) FROM events e2 WHERE e2.title_id = events.title_id AND e2.kind = 'imported')
  AND events.data = {IMPORTED_OF_T};
",
}, Migration {
    // Applying a file looks every entry's title up by key (`kind, bank, key`): in SQLite a table clustered on its
    // primary key answers from the key's own B-tree, where a rowid table took a second lookup for `exact`. The
    // rows are copied as they are, in key order, and the index by title made again. In PostgreSQL the table is
    // copied the same way (it has no rowid: `{WITHOUT_ROWID}` is empty there).
    version: 9,
    description: "title_keys: the matching keys clustered on their primary key (SQLite WITHOUT ROWID)",
    sql: "
CREATE TABLE title_keys_v9 (
    kind TEXT NOT NULL,
    bank INTEGER NOT NULL,
    key TEXT NOT NULL,
    title_seq BIGINT NOT NULL REFERENCES titles (seq),
    exact INTEGER NOT NULL,
    PRIMARY KEY (kind, bank, key, title_seq)
){WITHOUT_ROWID};
INSERT INTO title_keys_v9 (kind, bank, key, title_seq, exact)
    SELECT kind, bank, key, title_seq, exact FROM title_keys ORDER BY kind, bank, key, title_seq;
DROP TABLE title_keys;
ALTER TABLE title_keys_v9 RENAME TO title_keys;
CREATE INDEX title_keys_title ON title_keys (title_seq);
",
}, Migration {
    // A retorno entry's history event keeps its outcome in typed columns, one row of `entry_outcomes` per event
    // (keyed by the event's `seq`), and `events.data` holds the mark `{"event":"entry"}` (`ENTRY_MARK`), where it
    // held the whole outcome as one JSON document; `history` reads the mark back as the same event. Events written
    // before keep their JSON and read back as they did: nothing is copied. The index `entries_file` goes: no query
    // reads entries by file (a file's report is kept whole in `files.report`), and it cost an index row per entry.
    // Running it again changes nothing.
    version: 10,
    description: "entry_outcomes: a retorno entry's outcome in typed columns instead of a JSON document in events; entries_file index dropped",
    sql: "
CREATE TABLE IF NOT EXISTS entry_outcomes (
    event_seq {ROW_PK} REFERENCES events (seq),
    line BIGINT NOT NULL,
    identity TEXT NOT NULL,
    outcome TEXT NOT NULL,
    ocorrencia TEXT,
    matched_by TEXT,
    date {DATE},
    expected {MONEY},
    paid {MONEY},
    difference {MONEY},
    credited {MONEY},
    fees {MONEY},
    bank_charges {MONEY},
    charges_from TEXT,
    motivos {JSON},
    note TEXT,
    b_valor {MONEY},
    b_multa {MONEY},
    b_juros {MONEY},
    b_desconto {MONEY},
    b_abatimento {MONEY},
    b_total {MONEY},
    b_dias_atraso BIGINT
);
DROP INDEX IF EXISTS entries_file;
",
}];

/// What `events.data` holds for a retorno entry's event whose outcome is in the typed columns (schema version 10).
pub(crate) const ENTRY_MARK: &str = r#"{"event":"entry"}"#;

/// What `events.data` holds for a title's latest import (schema version 8): the event with the title as
/// `titles.data` holds it (`Dialect::imported_of`).
pub(crate) const IMPORTED_MARK: &str = r#"{"event":"imported"}"#;

impl Dialect {
    /// The migration's SQL for this dialect.
    ///
    /// ```
    /// use baixa::schema::{Dialect, MIGRATIONS};
    /// let pg = Dialect::Postgres.render(MIGRATIONS[0].sql);
    /// assert!(pg.contains("seq BIGSERIAL PRIMARY KEY"));
    /// assert!(pg.contains("valor NUMERIC NOT NULL") && pg.contains("vencimento DATE NOT NULL"));
    /// assert!(Dialect::Sqlite.render(MIGRATIONS[0].sql).contains("valor TEXT NOT NULL"));
    /// assert!(Dialect::Sqlite.render(MIGRATIONS[0].sql).contains("vencimento TEXT NOT NULL"));
    /// ```
    pub fn render(self, sql: &str) -> String {
        let (pk, row_pk, money, json, date, timestamp) = match self {
            Dialect::Sqlite => (
                "INTEGER PRIMARY KEY",
                "INTEGER PRIMARY KEY",
                "TEXT",
                "TEXT",
                "TEXT",
                "TEXT",
            ),
            Dialect::Postgres => (
                "BIGSERIAL PRIMARY KEY",
                "BIGINT PRIMARY KEY",
                "NUMERIC",
                "JSONB",
                "DATE",
                "TIMESTAMP",
            ),
        };
        sql.replace("{SERIAL_PK}", pk)
            .replace("{ROW_PK}", row_pk)
            .replace("{MONEY}", money)
            .replace("{JSON}", json)
            .replace("{DATE}", date)
            .replace("{TIMESTAMP}", timestamp)
            .replace(
                "{WITHOUT_ROWID}",
                match self {
                    Dialect::Sqlite => " WITHOUT ROWID",
                    Dialect::Postgres => "",
                },
            )
            .replace("{IMPORTED_MARK}", self.imported_mark())
            .replace("{IMPORTED_OF_T}", &self.imported_of("t.data"))
    }

    /// [`IMPORTED_MARK`] as an SQL value of the `events.data` column.
    pub(crate) fn imported_mark(self) -> &'static str {
        match self {
            Dialect::Sqlite => r#"'{"event":"imported"}'"#,
            Dialect::Postgres => r#"'{"event":"imported"}'::jsonb"#,
        }
    }

    /// SQL for the `Event::Imported` of the title whose JSON is `data` (an expression), as `events.data` held it
    /// before version 8: `{"event":"imported","titulo":…}`, exactly the text SQLite ledgers wrote.
    pub(crate) fn imported_of(self, data: &str) -> String {
        match self {
            Dialect::Sqlite => format!(r#"('{{"event":"imported","titulo":' || {data} || '}}')"#),
            Dialect::Postgres => {
                format!("jsonb_build_object('event', 'imported', 'titulo', {data})")
            }
        }
    }

    /// The migrations a database at `version` still needs.
    pub fn pending(self, version: i64) -> impl Iterator<Item = &'static Migration> {
        MIGRATIONS.iter().filter(move |m| m.version > version)
    }
}

/// The latest schema version.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

import Foundation
import GRDB

/// The versioned schema of the store. docs/schema.md is its contract for switch integrations: change both together,
/// and only ever by adding a migration. Each migration is literal SQL, frozen once released: it never calls
/// application code, so what it does cannot change when that code does. Work that needs code (recomputing the
/// aggregates, hashing old keys) is queued in `store_upkeep` and done by `StoreUpkeep` after migrating.
enum Schema {
    /// The migrations in order, by identifier: the identifiers are recorded in each store and never change.
    static let migrations: [(identifier: String, sql: String)] = [
        ("v1 accounts, rating, cdrs, live state, rollups", accountsRatingCDRsLiveStateRollups),
        ("v2 rollups by carrier and by customer", rollupsByCarrierAndCustomer),
        ("v3 covering index for the live-channels window", coveringIndexForLiveChannels),
        ("v4 CDR files, rejected rows, accounts first seen in a file", filesRejectsFirstSeen),
        ("v5 network rollups by minute and hour", networkRollups),
        ("v6 integer row keys, unique with the start time", integerRowKeys),
        ("v7 a ledger entry per import run: copies noted, the importing process recorded", entryPerRun),
        ("v8 network rollup by second; calls in progress counted by group and start", networkSecondsAndLiveCounts),
        ("v9 invoices, payments and customer billing profiles", invoicesPaymentsBillingProfiles),
        ("v10 help tickets", helpTickets),
        ("v11 feed cursors", feedCursors),
        ("v12 custom pages", customPages),
        ("v13 number blocks, portal users, profile changes, verification and recovery codes", portalAccounts),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
    }

    static func requireCurrent(_ db: Database, path: String) throws {
        let applied = Set(try migrator.appliedIdentifiers(db))
        let missing = migrator.migrations.filter { !applied.contains($0) }
        if !missing.isEmpty { throw StoreError.outdatedSchema(path: path, missing: missing) }
        // Migrated, but a process died before the work the migrations queued was done.
        if try db.tableExists("store_upkeep") {
            throw StoreError.outdatedSchema(path: path, missing: try String.fetchAll(db, sql: "SELECT task FROM store_upkeep"))
        }
    }

    static let accountsRatingCDRsLiveStateRollups = """
        CREATE TABLE rate_cards (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL UNIQUE,
            direction   TEXT NOT NULL CHECK (direction IN ('sell', 'buy')),
            currency    TEXT NOT NULL DEFAULT 'USD'
        );
        CREATE TABLE rates (
            rate_card_id            INTEGER NOT NULL REFERENCES rate_cards(id) ON DELETE CASCADE,
            prefix                  TEXT NOT NULL CHECK (prefix GLOB '[0-9]*' AND prefix NOT GLOB '*[^0-9]*'),
            description             TEXT NOT NULL DEFAULT '',
            rate_micros_per_minute  INTEGER NOT NULL CHECK (rate_micros_per_minute >= 0),
            initial_seconds         INTEGER NOT NULL DEFAULT 60 CHECK (initial_seconds >= 1),
            increment_seconds       INTEGER NOT NULL DEFAULT 60 CHECK (increment_seconds >= 1),
            minimum_micros          INTEGER NOT NULL DEFAULT 0 CHECK (minimum_micros >= 0),
            connection_fee_micros   INTEGER NOT NULL DEFAULT 0 CHECK (connection_fee_micros >= 0),
            PRIMARY KEY (rate_card_id, prefix)
        ) WITHOUT ROWID;

        CREATE TABLE customers (
            id                   INTEGER PRIMARY KEY,
            account_code         TEXT NOT NULL UNIQUE,
            name                 TEXT NOT NULL,
            status               TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
            channels_configured  INTEGER NOT NULL DEFAULT 0 CHECK (channels_configured >= 0),
            currency             TEXT NOT NULL DEFAULT 'USD',
            balance_micros       INTEGER NOT NULL DEFAULT 0,
            debit_limit_micros   INTEGER NOT NULL DEFAULT 0,
            rate_card_id         INTEGER REFERENCES rate_cards(id) ON DELETE SET NULL,
            created_at           INTEGER NOT NULL
        );
        CREATE TABLE carriers (
            id                   INTEGER PRIMARY KEY,
            name                 TEXT NOT NULL UNIQUE,
            status               TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
            channels_configured  INTEGER NOT NULL DEFAULT 0 CHECK (channels_configured >= 0),
            rate_card_id         INTEGER REFERENCES rate_cards(id) ON DELETE SET NULL
        );
        CREATE TABLE dids (
            id           INTEGER PRIMARY KEY,
            number       TEXT NOT NULL UNIQUE,
            customer_id  INTEGER REFERENCES customers(id) ON DELETE SET NULL
        );
        CREATE INDEX dids_by_customer ON dids(customer_id);

        -- One row per CDR (per leg). Times are UTC Unix seconds. dtmf_digits NULL means the source does not
        -- record DTMF ("unknown"); sell_micros/buy_micros NULL means no rate matched ("unrated").
        CREATE TABLE cdrs (
            id            INTEGER PRIMARY KEY,
            source        TEXT NOT NULL,
            row_key       TEXT NOT NULL UNIQUE,
            call_key      TEXT,
            leg_id        TEXT,
            start_at      INTEGER NOT NULL,
            answer_at     INTEGER,
            end_at        INTEGER NOT NULL CHECK (end_at >= start_at),
            duration      INTEGER NOT NULL CHECK (duration >= 0),
            billsec       INTEGER NOT NULL CHECK (billsec >= 0),
            disposition   TEXT NOT NULL CHECK (disposition IN ('answered', 'no_answer', 'busy', 'failed', 'congestion')),
            hangup_cause  TEXT,
            customer_id   INTEGER REFERENCES customers(id),
            carrier_id    INTEGER REFERENCES carriers(id),
            did_id        INTEGER REFERENCES dids(id),
            src           TEXT NOT NULL DEFAULT '',
            dst           TEXT NOT NULL DEFAULT '',
            caller_name   TEXT NOT NULL DEFAULT '',
            dtmf_digits   INTEGER CHECK (dtmf_digits >= 0),
            sell_micros   INTEGER,
            buy_micros    INTEGER,
            file_id       INTEGER,
            line          INTEGER
        );
        CREATE INDEX cdrs_by_start ON cdrs(start_at);
        CREATE INDEX cdrs_by_end ON cdrs(end_at);

        -- Calls in progress: a writer inserts the row when the call starts, sets answer_at when it is answered,
        -- and deletes it in the same transaction as it inserts the call's CDR.
        CREATE TABLE calls_in_progress (
            call_key     TEXT PRIMARY KEY,
            source       TEXT NOT NULL,
            start_at     INTEGER NOT NULL,
            answer_at    INTEGER,
            customer_id  INTEGER REFERENCES customers(id),
            carrier_id   INTEGER REFERENCES carriers(id),
            did_id       INTEGER REFERENCES dids(id),
            src          TEXT NOT NULL DEFAULT '',
            dst          TEXT NOT NULL DEFAULT '',
            caller_name  TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID;
        CREATE INDEX calls_in_progress_by_customer ON calls_in_progress(customer_id);

        -- SIP registrations currently held, one row per registered contact.
        CREATE TABLE registrations (
            endpoint       TEXT PRIMARY KEY,
            customer_id    INTEGER REFERENCES customers(id),
            contact        TEXT NOT NULL DEFAULT '',
            registered_at  INTEGER NOT NULL,
            expires_at     INTEGER NOT NULL
        ) WITHOUT ROWID;
        -- The registration count sampled once a minute by the writer that owns registrations.
        CREATE TABLE registration_samples (
            minute         INTEGER PRIMARY KEY,
            registrations  INTEGER NOT NULL
        );

        -- Rollups, kept current in the same transaction as the CDRs they count. customer_id/carrier_id 0 stands
        -- for "unknown" so that the key stays unique. dtmf_known counts answered calls whose source records DTMF.
        CREATE TABLE rollup_minute (
            bucket        INTEGER NOT NULL,
            customer_id   INTEGER NOT NULL,
            carrier_id    INTEGER NOT NULL,
            attempts      INTEGER NOT NULL DEFAULT 0,
            answered      INTEGER NOT NULL DEFAULT 0,
            busy          INTEGER NOT NULL DEFAULT 0,
            no_answer     INTEGER NOT NULL DEFAULT 0,
            failed        INTEGER NOT NULL DEFAULT 0,
            billsec       INTEGER NOT NULL DEFAULT 0,
            dtmf_known    INTEGER NOT NULL DEFAULT 0,
            dtmf_calls    INTEGER NOT NULL DEFAULT 0,
            dtmf_digits   INTEGER NOT NULL DEFAULT 0,
            sell_micros   INTEGER NOT NULL DEFAULT 0,
            buy_micros    INTEGER NOT NULL DEFAULT 0,
            unrated_sell  INTEGER NOT NULL DEFAULT 0,
            unrated_buy   INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, customer_id, carrier_id)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_hour (
            bucket        INTEGER NOT NULL,
            customer_id   INTEGER NOT NULL,
            carrier_id    INTEGER NOT NULL,
            attempts      INTEGER NOT NULL DEFAULT 0,
            answered      INTEGER NOT NULL DEFAULT 0,
            busy          INTEGER NOT NULL DEFAULT 0,
            no_answer     INTEGER NOT NULL DEFAULT 0,
            failed        INTEGER NOT NULL DEFAULT 0,
            billsec       INTEGER NOT NULL DEFAULT 0,
            dtmf_known    INTEGER NOT NULL DEFAULT 0,
            dtmf_calls    INTEGER NOT NULL DEFAULT 0,
            dtmf_digits   INTEGER NOT NULL DEFAULT 0,
            sell_micros   INTEGER NOT NULL DEFAULT 0,
            buy_micros    INTEGER NOT NULL DEFAULT 0,
            unrated_sell  INTEGER NOT NULL DEFAULT 0,
            unrated_buy   INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, customer_id, carrier_id)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_day (
            bucket        INTEGER NOT NULL,
            customer_id   INTEGER NOT NULL,
            carrier_id    INTEGER NOT NULL,
            attempts      INTEGER NOT NULL DEFAULT 0,
            answered      INTEGER NOT NULL DEFAULT 0,
            busy          INTEGER NOT NULL DEFAULT 0,
            no_answer     INTEGER NOT NULL DEFAULT 0,
            failed        INTEGER NOT NULL DEFAULT 0,
            billsec       INTEGER NOT NULL DEFAULT 0,
            dtmf_known    INTEGER NOT NULL DEFAULT 0,
            dtmf_calls    INTEGER NOT NULL DEFAULT 0,
            dtmf_digits   INTEGER NOT NULL DEFAULT 0,
            sell_micros   INTEGER NOT NULL DEFAULT 0,
            buy_micros    INTEGER NOT NULL DEFAULT 0,
            unrated_sell  INTEGER NOT NULL DEFAULT 0,
            unrated_buy   INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, customer_id, carrier_id)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_month (
            bucket        INTEGER NOT NULL,
            customer_id   INTEGER NOT NULL,
            carrier_id    INTEGER NOT NULL,
            attempts      INTEGER NOT NULL DEFAULT 0,
            answered      INTEGER NOT NULL DEFAULT 0,
            busy          INTEGER NOT NULL DEFAULT 0,
            no_answer     INTEGER NOT NULL DEFAULT 0,
            failed        INTEGER NOT NULL DEFAULT 0,
            billsec       INTEGER NOT NULL DEFAULT 0,
            dtmf_known    INTEGER NOT NULL DEFAULT 0,
            dtmf_calls    INTEGER NOT NULL DEFAULT 0,
            dtmf_digits   INTEGER NOT NULL DEFAULT 0,
            sell_micros   INTEGER NOT NULL DEFAULT 0,
            buy_micros    INTEGER NOT NULL DEFAULT 0,
            unrated_sell  INTEGER NOT NULL DEFAULT 0,
            unrated_buy   INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, customer_id, carrier_id)
        ) WITHOUT ROWID;

        -- Attempts per second, for the peak-second CPS figure (kept for as long as the minute rollup).
        CREATE TABLE attempts_per_second (
            second    INTEGER PRIMARY KEY,
            attempts  INTEGER NOT NULL
        );
        -- Channel occupancy: the seconds of every finished call that fall in each minute ([start, end) split at
        -- minute boundaries). Average channels in a minute = channel_seconds / 60.
        CREATE TABLE channel_seconds_per_minute (
            minute           INTEGER PRIMARY KEY,
            channel_seconds  INTEGER NOT NULL
        );
        """

    /// v1 crossed customer × carrier at every level, which made summaries and totals read a row per pair: the rollups
    /// by carrier and by customer replace them. Refilled from the CDRs by the upkeep that follows the migrations.
    static let rollupsByCarrierAndCustomer = """
        DROP TABLE rollup_minute;
        DROP TABLE rollup_hour;
        DROP TABLE rollup_day;
        DROP TABLE rollup_month;
        CREATE TABLE rollup_carrier_minute (
            bucket INTEGER NOT NULL,
            carrier_id INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, carrier_id)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_carrier_hour (
            bucket INTEGER NOT NULL,
            carrier_id INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, carrier_id)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_carrier_day (
            bucket INTEGER NOT NULL,
            carrier_id INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, carrier_id)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_carrier_month (
            bucket INTEGER NOT NULL,
            carrier_id INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, carrier_id)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_customer_hour (
            bucket INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, customer_id)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_customer_day (
            bucket INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, customer_id)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_customer_month (
            bucket INTEGER NOT NULL,
            customer_id INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (bucket, customer_id)
        ) WITHOUT ROWID;
        CREATE TABLE rollup_customer_carrier_hour (
            customer_id INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            carrier_id INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (customer_id, bucket, carrier_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS store_upkeep (task TEXT PRIMARY KEY);
        INSERT OR IGNORE INTO store_upkeep (task) VALUES ('rebuild aggregates');
        """

    /// The live-channels window reads (start, end) of the calls that ended in the last minutes: covered by the
    /// index, it needs no table lookup per call.
    static let coveringIndexForLiveChannels = """
        DROP INDEX cdrs_by_end;
        CREATE INDEX cdrs_by_end_start ON cdrs(end_at, start_at);
        """

    /// Every CDR file an import has seen, and each row it could not use. Accounts an import creates remember the
    /// file that named them first and start unverified, so the checklist can list them.
    static let filesRejectsFirstSeen = """
        CREATE TABLE cdr_files (
            id             INTEGER PRIMARY KEY,
            source         TEXT NOT NULL,
            path           TEXT NOT NULL,
            name           TEXT NOT NULL,
            size           INTEGER NOT NULL CHECK (size >= 0),
            content_hash   TEXT,
            format         TEXT,
            status         TEXT NOT NULL CHECK (status IN ('waiting', 'processing', 'success', 'error')),
            rows_read      INTEGER NOT NULL DEFAULT 0,
            rows_accepted  INTEGER NOT NULL DEFAULT 0,
            rows_rejected  INTEGER NOT NULL DEFAULT 0,
            rows_new       INTEGER NOT NULL DEFAULT 0,
            first_error    TEXT,
            discovered_at  INTEGER NOT NULL,
            started_at     INTEGER,
            finished_at    INTEGER
        );
        CREATE UNIQUE INDEX cdr_files_by_content ON cdr_files(source, content_hash);
        CREATE INDEX cdr_files_by_status ON cdr_files(status);

        CREATE TABLE cdr_rejects (
            file_id  INTEGER NOT NULL REFERENCES cdr_files(id) ON DELETE CASCADE,
            line     INTEGER NOT NULL,
            raw      TEXT NOT NULL,
            reason   TEXT NOT NULL,
            PRIMARY KEY (file_id, line)
        ) WITHOUT ROWID;

        ALTER TABLE customers ADD COLUMN profile_verified INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE customers ADD COLUMN first_seen_file_id INTEGER REFERENCES cdr_files(id);
        ALTER TABLE carriers ADD COLUMN first_seen_file_id INTEGER REFERENCES cdr_files(id);
        """

    /// The history graphs read one row per minute or hour for the whole network (with the busiest second and the
    /// channel occupancy) instead of one per carrier, and never scan the per-second table. Filled by the upkeep.
    static let networkRollups = """
        CREATE TABLE rollup_network_minute (
            bucket INTEGER PRIMARY KEY,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            peak_attempts INTEGER NOT NULL DEFAULT 0,
            peak_second INTEGER,
            channel_seconds INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE rollup_network_hour (
            bucket INTEGER PRIMARY KEY,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            peak_attempts INTEGER NOT NULL DEFAULT 0,
            peak_second INTEGER,
            channel_seconds INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS store_upkeep (task TEXT PRIMARY KEY);
        INSERT OR IGNORE INTO store_upkeep (task) VALUES ('rebuild aggregates');
        """

    /// Imports spent most of their time keeping a random text key unique (and building a b-tree per row for the
    /// disposition check's IN list): the row key becomes two integers (`RowKey`, a 128-bit hash of the old text),
    /// unique together with the start time in the index that already ordered the CDRs by start. Every row keeps its
    /// id; the text keys wait in `upkeep_text_keys` for the upkeep to hash them (a placeholder key, -id, holds the
    /// place until then), and each file's first row is noted by the upkeep too.
    static let integerRowKeys = """
        CREATE TABLE cdrs_rekeyed (
            id            INTEGER PRIMARY KEY,
            source        TEXT NOT NULL,
            row_key       INTEGER NOT NULL,
            row_check     INTEGER NOT NULL,
            call_key      TEXT,
            leg_id        TEXT,
            start_at      INTEGER NOT NULL,
            answer_at     INTEGER,
            end_at        INTEGER NOT NULL CHECK (end_at >= start_at),
            duration      INTEGER NOT NULL CHECK (duration >= 0),
            billsec       INTEGER NOT NULL CHECK (billsec >= 0),
            disposition   TEXT NOT NULL CHECK (disposition = 'answered' OR disposition = 'no_answer'
                              OR disposition = 'busy' OR disposition = 'failed' OR disposition = 'congestion'),
            hangup_cause  TEXT,
            customer_id   INTEGER REFERENCES customers(id),
            carrier_id    INTEGER REFERENCES carriers(id),
            did_id        INTEGER REFERENCES dids(id),
            src           TEXT NOT NULL DEFAULT '',
            dst           TEXT NOT NULL DEFAULT '',
            caller_name   TEXT NOT NULL DEFAULT '',
            dtmf_digits   INTEGER CHECK (dtmf_digits >= 0),
            sell_micros   INTEGER,
            buy_micros    INTEGER,
            file_id       INTEGER,
            line          INTEGER
        );
        INSERT INTO cdrs_rekeyed (id, source, row_key, row_check,
            call_key, leg_id, start_at, answer_at, end_at, duration, billsec, disposition, hangup_cause, customer_id,
            carrier_id, did_id, src, dst, caller_name, dtmf_digits, sell_micros, buy_micros, file_id, line)
        SELECT id, source, -id, 0,
            call_key, leg_id, start_at, answer_at, end_at, duration, billsec, disposition, hangup_cause, customer_id,
            carrier_id, did_id, src, dst, caller_name, dtmf_digits, sell_micros, buy_micros, file_id, line
        FROM cdrs ORDER BY id;
        CREATE TABLE upkeep_text_keys (id INTEGER PRIMARY KEY, row_key TEXT NOT NULL);
        INSERT INTO upkeep_text_keys (id, row_key) SELECT id, row_key FROM cdrs ORDER BY id;
        DROP TABLE cdrs;
        ALTER TABLE cdrs_rekeyed RENAME TO cdrs;
        CREATE UNIQUE INDEX cdrs_by_start_key ON cdrs(start_at, row_key);
        CREATE INDEX cdrs_by_end_start ON cdrs(end_at, start_at);
        ALTER TABLE cdr_files ADD COLUMN first_row_key INTEGER;
        ALTER TABLE cdr_files ADD COLUMN first_row_check INTEGER;
        ALTER TABLE cdr_files ADD COLUMN first_row_start INTEGER;
        CREATE INDEX cdr_files_by_first_row ON cdr_files(first_row_key) WHERE first_row_key IS NOT NULL;
        CREATE TABLE IF NOT EXISTS store_upkeep (task TEXT PRIMARY KEY);
        INSERT OR IGNORE INTO store_upkeep (task) VALUES ('hash text row keys');
        """

    /// Every run of an import gets an entry of its own: the entries of one content are no longer unique (a copy
    /// under another name, a re-import, two imports at once each have theirs, with true counts), and a run that
    /// stored no row of its own names the entry that did. The process importing a file is recorded on its entry,
    /// so that one killed is told from one running (`FileLedger.Owner`).
    static let entryPerRun = """
        DROP INDEX cdr_files_by_content;
        CREATE INDEX cdr_files_by_content ON cdr_files(source, content_hash);
        ALTER TABLE cdr_files ADD COLUMN duplicate_of INTEGER REFERENCES cdr_files(id);
        ALTER TABLE cdr_files ADD COLUMN owner_pid INTEGER;
        ALTER TABLE cdr_files ADD COLUMN owner_start TEXT;
        """

    /// A snapshot's cost grew with the calls per second: ragged interval edges were counted from the CDRs, the
    /// live-channels series from every call overlapping its window, and every pane from every call in progress.
    /// Per second, the network counters of the calls that started in it (an edge is at most 59 rows) and the number
    /// of finished calls that ended in it (the series is stepped back from the channels in use now); the calls in
    /// progress counted per customer, carrier and DID and per start second, kept by triggers whoever writes
    /// `calls_in_progress`, and counted once here from the rows already in it. The per-second rollup is filled by
    /// the upkeep's rebuild.
    static let networkSecondsAndLiveCounts = """
        CREATE TABLE rollup_network_second (
            bucket INTEGER PRIMARY KEY,
            attempts INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            busy INTEGER NOT NULL DEFAULT 0,
            no_answer INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            billsec INTEGER NOT NULL DEFAULT 0,
            dtmf_known INTEGER NOT NULL DEFAULT 0,
            dtmf_calls INTEGER NOT NULL DEFAULT 0,
            dtmf_digits INTEGER NOT NULL DEFAULT 0,
            sell_micros INTEGER NOT NULL DEFAULT 0,
            buy_micros INTEGER NOT NULL DEFAULT 0,
            unrated_sell INTEGER NOT NULL DEFAULT 0,
            unrated_buy INTEGER NOT NULL DEFAULT 0,
            ended INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE live_calls_by_start (
            second INTEGER PRIMARY KEY,
            calls INTEGER NOT NULL
        );
        CREATE TABLE live_calls_by_group (
            dimension TEXT NOT NULL CHECK (dimension = 'customer' OR dimension = 'carrier' OR dimension = 'did'),
            group_id INTEGER NOT NULL,
            calls INTEGER NOT NULL,
            PRIMARY KEY (dimension, group_id)
        ) WITHOUT ROWID;
        INSERT INTO live_calls_by_start (second, calls) SELECT start_at, COUNT(*) FROM calls_in_progress GROUP BY 1;
        INSERT INTO live_calls_by_group (dimension, group_id, calls)
            SELECT 'customer', COALESCE(customer_id, 0), COUNT(*) FROM calls_in_progress GROUP BY 2;
        INSERT INTO live_calls_by_group (dimension, group_id, calls)
            SELECT 'carrier', COALESCE(carrier_id, 0), COUNT(*) FROM calls_in_progress GROUP BY 2;
        INSERT INTO live_calls_by_group (dimension, group_id, calls)
            SELECT 'did', COALESCE(did_id, 0), COUNT(*) FROM calls_in_progress GROUP BY 2;
        CREATE TRIGGER calls_in_progress_counted AFTER INSERT ON calls_in_progress BEGIN
            INSERT INTO live_calls_by_start (second, calls) VALUES (NEW.start_at, 1)
                ON CONFLICT (second) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('customer', COALESCE(NEW.customer_id, 0), 1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('carrier', COALESCE(NEW.carrier_id, 0), 1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('did', COALESCE(NEW.did_id, 0), 1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
        END;
        CREATE TRIGGER calls_in_progress_uncounted AFTER DELETE ON calls_in_progress BEGIN
            INSERT INTO live_calls_by_start (second, calls) VALUES (OLD.start_at, -1)
                ON CONFLICT (second) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('customer', COALESCE(OLD.customer_id, 0), -1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('carrier', COALESCE(OLD.carrier_id, 0), -1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('did', COALESCE(OLD.did_id, 0), -1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
            DELETE FROM live_calls_by_start WHERE second = OLD.start_at AND calls = 0;
            DELETE FROM live_calls_by_group WHERE calls = 0 AND (dimension, group_id) IN (VALUES
                ('customer', COALESCE(OLD.customer_id, 0)), ('carrier', COALESCE(OLD.carrier_id, 0)),
                ('did', COALESCE(OLD.did_id, 0)));
        END;
        CREATE TRIGGER calls_in_progress_recounted
        AFTER UPDATE OF start_at, customer_id, carrier_id, did_id ON calls_in_progress BEGIN
            INSERT INTO live_calls_by_start (second, calls) VALUES (OLD.start_at, -1)
                ON CONFLICT (second) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('customer', COALESCE(OLD.customer_id, 0), -1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('carrier', COALESCE(OLD.carrier_id, 0), -1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('did', COALESCE(OLD.did_id, 0), -1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
            DELETE FROM live_calls_by_start WHERE second = OLD.start_at AND calls = 0;
            DELETE FROM live_calls_by_group WHERE calls = 0 AND (dimension, group_id) IN (VALUES
                ('customer', COALESCE(OLD.customer_id, 0)), ('carrier', COALESCE(OLD.carrier_id, 0)),
                ('did', COALESCE(OLD.did_id, 0)));
            INSERT INTO live_calls_by_start (second, calls) VALUES (NEW.start_at, 1)
                ON CONFLICT (second) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('customer', COALESCE(NEW.customer_id, 0), 1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('carrier', COALESCE(NEW.carrier_id, 0), 1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
            INSERT INTO live_calls_by_group (dimension, group_id, calls) VALUES ('did', COALESCE(NEW.did_id, 0), 1)
                ON CONFLICT (dimension, group_id) DO UPDATE SET calls = calls + excluded.calls;
        END;
        CREATE TABLE IF NOT EXISTS store_upkeep (task TEXT PRIMARY KEY);
        INSERT OR IGNORE INTO store_upkeep (task) VALUES ('rebuild aggregates');
        """

    /// Invoices (docs/invoices.md). What must hold whoever writes is enforced here, by SQLite: an issued invoice,
    /// its lines and its CDRs never change (only issued → paid and issued → void; a draft may change or go), a CDR is
    /// on at most one invoice that is not void, a series' number only ever goes up by one, payments are never
    /// changed, and the customer's balance moves with them: an issued invoice debits its total, a payment credits
    /// its amount, voiding an issued invoice credits its total back.
    static let invoicesPaymentsBillingProfiles = """
        CREATE TABLE billing_profiles (
            customer_id    INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
            due_days       INTEGER NOT NULL DEFAULT 30 CHECK (due_days >= 0 AND due_days <= 3650),
            zone           TEXT,
            line_grouping  TEXT NOT NULL DEFAULT 'destination' CHECK (line_grouping IN ('destination', 'day'))
        );
        CREATE TABLE billing_taxes (
            customer_id      INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            position         INTEGER NOT NULL,
            name             TEXT NOT NULL,
            rate_millionths  INTEGER NOT NULL CHECK (rate_millionths >= 0 AND rate_millionths <= 10000000),
            PRIMARY KEY (customer_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE invoice_series (
            name         TEXT PRIMARY KEY,
            prefix       TEXT NOT NULL DEFAULT '',
            last_number  INTEGER NOT NULL DEFAULT 0 CHECK (last_number >= 0)
        );
        INSERT INTO invoice_series (name, prefix) VALUES ('default', 'INV-');
        CREATE TRIGGER invoice_series_gap_free BEFORE UPDATE ON invoice_series
        WHEN NEW.name IS NOT OLD.name OR NEW.prefix IS NOT OLD.prefix OR NEW.last_number IS NOT OLD.last_number + 1
        BEGIN SELECT RAISE(ABORT, 'an invoice series only ever moves to its next number'); END;
        CREATE TRIGGER invoice_series_kept BEFORE DELETE ON invoice_series
        BEGIN SELECT RAISE(ABORT, 'an invoice series is never removed'); END;

        CREATE TABLE invoices (
            id               INTEGER PRIMARY KEY,
            customer_id      INTEGER NOT NULL REFERENCES customers(id),
            period_from      INTEGER NOT NULL,
            period_to        INTEGER NOT NULL CHECK (period_to > period_from),
            zone             TEXT,
            status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'paid', 'void')),
            series           TEXT REFERENCES invoice_series(name),
            sequence         INTEGER,
            number           TEXT UNIQUE,
            created_at       INTEGER NOT NULL,
            issued_at        INTEGER,
            due_at           INTEGER,
            paid_at          INTEGER,
            voided_at        INTEGER,
            currency         TEXT NOT NULL,
            line_grouping    TEXT NOT NULL CHECK (line_grouping IN ('destination', 'day')),
            subtotal_micros  INTEGER NOT NULL DEFAULT 0,
            tax_micros       INTEGER NOT NULL DEFAULT 0,
            rounding_micros  INTEGER NOT NULL DEFAULT 0,
            total_micros     INTEGER NOT NULL DEFAULT 0,
            CHECK (status <> 'draft' OR (number IS NULL AND sequence IS NULL AND issued_at IS NULL)),
            CHECK (status NOT IN ('issued', 'paid')
                OR (number IS NOT NULL AND sequence IS NOT NULL AND issued_at IS NOT NULL AND due_at IS NOT NULL)),
            UNIQUE (series, sequence)
        );
        CREATE INDEX invoices_by_customer ON invoices(customer_id, period_from);
        CREATE INDEX invoices_by_status ON invoices(status);
        CREATE TRIGGER invoices_issued_unchanged BEFORE UPDATE ON invoices
        WHEN OLD.status <> 'draft' AND NOT (
            OLD.status = 'issued' AND NEW.status IN ('paid', 'void')
            AND NEW.id IS OLD.id AND NEW.customer_id IS OLD.customer_id AND NEW.period_from IS OLD.period_from
            AND NEW.period_to IS OLD.period_to AND NEW.zone IS OLD.zone AND NEW.series IS OLD.series
            AND NEW.sequence IS OLD.sequence AND NEW.number IS OLD.number AND NEW.created_at IS OLD.created_at
            AND NEW.issued_at IS OLD.issued_at AND NEW.due_at IS OLD.due_at AND NEW.currency IS OLD.currency
            AND NEW.line_grouping IS OLD.line_grouping AND NEW.subtotal_micros IS OLD.subtotal_micros
            AND NEW.tax_micros IS OLD.tax_micros AND NEW.rounding_micros IS OLD.rounding_micros
            AND NEW.total_micros IS OLD.total_micros
            AND (NEW.status = 'paid' OR NEW.paid_at IS OLD.paid_at)
            AND (NEW.status = 'void' OR NEW.voided_at IS OLD.voided_at))
        BEGIN SELECT RAISE(ABORT, 'an issued invoice never changes: void it and create a new one'); END;
        CREATE TRIGGER invoices_issued_kept BEFORE DELETE ON invoices WHEN OLD.status <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'an issued invoice is never deleted: void it'); END;
        CREATE TRIGGER invoices_issue_debits AFTER UPDATE OF status ON invoices
        WHEN OLD.status = 'draft' AND NEW.status = 'issued'
        BEGIN UPDATE customers SET balance_micros = balance_micros - NEW.total_micros WHERE id = NEW.customer_id; END;
        CREATE TRIGGER invoices_void_credits AFTER UPDATE OF status ON invoices
        WHEN OLD.status = 'issued' AND NEW.status = 'void'
        BEGIN UPDATE customers SET balance_micros = balance_micros + NEW.total_micros WHERE id = NEW.customer_id; END;

        CREATE TABLE invoice_lines (
            invoice_id      INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
            position        INTEGER NOT NULL,
            kind            TEXT NOT NULL CHECK (kind IN ('usage', 'tax', 'rounding')),
            description     TEXT NOT NULL,
            prefix          TEXT,
            day             INTEGER,
            calls           INTEGER NOT NULL DEFAULT 0 CHECK (calls >= 0),
            billed_seconds  INTEGER NOT NULL DEFAULT 0 CHECK (billed_seconds >= 0),
            rate            INTEGER,
            amount_micros   INTEGER NOT NULL,
            PRIMARY KEY (invoice_id, position)
        ) WITHOUT ROWID;
        CREATE TRIGGER invoice_lines_added_to_drafts BEFORE INSERT ON invoice_lines
        WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'draft'
        BEGIN SELECT RAISE(ABORT, 'the lines of an issued invoice never change'); END;
        CREATE TRIGGER invoice_lines_unchanged BEFORE UPDATE ON invoice_lines
        WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) IS NOT 'draft'
            OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'draft'
        BEGIN SELECT RAISE(ABORT, 'the lines of an issued invoice never change'); END;
        CREATE TRIGGER invoice_lines_kept BEFORE DELETE ON invoice_lines
        WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) NOT IN ('draft')
        BEGIN SELECT RAISE(ABORT, 'the lines of an issued invoice never change'); END;

        CREATE TABLE invoice_cdrs (
            invoice_id  INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
            cdr_id      INTEGER NOT NULL REFERENCES cdrs(id),
            PRIMARY KEY (invoice_id, cdr_id)
        ) WITHOUT ROWID;
        CREATE INDEX invoice_cdrs_by_cdr ON invoice_cdrs(cdr_id);
        CREATE TRIGGER invoice_cdrs_once BEFORE INSERT ON invoice_cdrs
        WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'draft'
            OR EXISTS (SELECT 1 FROM invoice_cdrs m JOIN invoices i ON i.id = m.invoice_id
                       WHERE m.cdr_id = NEW.cdr_id AND m.invoice_id <> NEW.invoice_id AND i.status <> 'void')
        BEGIN SELECT RAISE(ABORT, 'a CDR is on at most one invoice that is not void, added while it is a draft'); END;
        CREATE TRIGGER invoice_cdrs_unchanged BEFORE UPDATE ON invoice_cdrs
        BEGIN SELECT RAISE(ABORT, 'the CDRs of an invoice are added or removed, never moved'); END;
        CREATE TRIGGER invoice_cdrs_kept BEFORE DELETE ON invoice_cdrs
        WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) NOT IN ('draft')
        BEGIN SELECT RAISE(ABORT, 'the CDRs of an issued invoice never change'); END;

        CREATE TABLE payments (
            id             INTEGER PRIMARY KEY,
            invoice_id     INTEGER NOT NULL REFERENCES invoices(id),
            amount_micros  INTEGER NOT NULL CHECK (amount_micros > 0),
            paid_at        INTEGER NOT NULL,
            recorded_at    INTEGER NOT NULL
        );
        CREATE INDEX payments_by_invoice ON payments(invoice_id);
        CREATE TRIGGER payments_to_issued BEFORE INSERT ON payments
        WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'issued'
        BEGIN SELECT RAISE(ABORT, 'a payment is recorded against an issued invoice that is not paid'); END;
        CREATE TRIGGER payments_credit AFTER INSERT ON payments
        BEGIN
            UPDATE customers SET balance_micros = balance_micros + NEW.amount_micros
            WHERE id = (SELECT customer_id FROM invoices WHERE id = NEW.invoice_id);
        END;
        CREATE TRIGGER payments_unchanged BEFORE UPDATE ON payments
        BEGIN SELECT RAISE(ABORT, 'a payment is never changed'); END;
        CREATE TRIGGER payments_kept BEFORE DELETE ON payments
        BEGIN SELECT RAISE(ABORT, 'a payment is never removed'); END;
        """

    /// Help tickets: what the billing view counts as open, with the support block attached when each was opened.
    /// Custom pages pushed with `termdash page push`: each page's definition as pushed (a TOML `[[pages]]` table),
    /// by title; every running monitor reads them on its next refresh.
    static let customPages = """
        CREATE TABLE custom_pages (
            title       TEXT PRIMARY KEY CHECK (length(title) > 0),
            definition  TEXT NOT NULL,
            pushed_at   INTEGER NOT NULL
        );
        """

    static let helpTickets = """
        CREATE TABLE help_tickets (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            subject      TEXT NOT NULL CHECK (length(trim(subject)) > 0),
            customer_id  INTEGER REFERENCES customers(id) ON DELETE SET NULL,
            support      TEXT NOT NULL,
            opened_at    INTEGER NOT NULL,
            closed_at    INTEGER CHECK (closed_at IS NULL OR closed_at >= opened_at)
        );
        CREATE INDEX help_tickets_open ON help_tickets(id) WHERE closed_at IS NULL;
        """

    /// A switch feed (`termdash feed kamailio`) reads its switch's CDRs past a cursor and stores the cursor in the
    /// transaction that stores those CDRs, so each is stored once across restarts of either side; `down_since` is
    /// when the feed last lost its switch (the checklist's "feed NAME down since …"), NULL while it answers.
    static let feedCursors = """
        CREATE TABLE feeds (
            name        TEXT PRIMARY KEY,
            kind        TEXT NOT NULL,
            cursor      INTEGER NOT NULL DEFAULT 0,
            down_since  INTEGER,
            checked_at  INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        """

    /// The customer portal's accounts. Number blocks never overlap (the trigger refuses it whoever writes); one
    /// portal user per customer (the customer's SSH key opens it) with My profile, the language, and the TOTP secret
    /// once enabled; every profile change with who made it and when; the codes sent to verify an email address or
    /// a mobile and the recovery codes, stored as SHA-256 hex, never in clear.
    static let portalAccounts = """
        CREATE TABLE number_blocks (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            start        INTEGER NOT NULL CHECK (start >= 0),
            size         INTEGER NOT NULL CHECK (size >= 1 AND start + size - 1 <= 999999),
            created_at   INTEGER NOT NULL
        );
        CREATE INDEX number_blocks_by_start ON number_blocks(start);
        CREATE INDEX number_blocks_by_customer ON number_blocks(customer_id, start);
        CREATE TRIGGER number_blocks_never_overlap BEFORE INSERT ON number_blocks
        WHEN EXISTS (SELECT 1 FROM number_blocks b
                     WHERE b.start < NEW.start + NEW.size AND NEW.start < b.start + b.size)
        BEGIN SELECT RAISE(ABORT, 'number block overlaps another'); END;
        CREATE TRIGGER number_blocks_never_move BEFORE UPDATE OF start, size ON number_blocks
        BEGIN SELECT RAISE(ABORT, 'number blocks are removed and added, never moved'); END;

        CREATE TABLE portal_users (
            customer_id         INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
            name                TEXT NOT NULL DEFAULT '',
            email               TEXT NOT NULL DEFAULT '',
            department          TEXT NOT NULL DEFAULT '',
            phone               TEXT NOT NULL DEFAULT '',
            mobile              TEXT NOT NULL DEFAULT '',
            language            TEXT NOT NULL DEFAULT 'en',
            email_verified      TEXT,
            mobile_verified     TEXT,
            totp_secret         BLOB,
            totp_enabled_at     INTEGER,
            totp_last_step      INTEGER
        );
        CREATE TABLE profile_changes (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            field        TEXT NOT NULL,
            old_value    TEXT NOT NULL,
            new_value    TEXT NOT NULL,
            changed_by   TEXT NOT NULL,
            changed_at   INTEGER NOT NULL
        );
        CREATE INDEX profile_changes_by_customer ON profile_changes(customer_id, id);
        CREATE TABLE verification_codes (
            customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            channel      TEXT NOT NULL CHECK (channel IN ('email', 'mobile')),
            address      TEXT NOT NULL,
            code_sha256  TEXT NOT NULL,
            sent_at      INTEGER NOT NULL,
            PRIMARY KEY (customer_id, channel)
        ) WITHOUT ROWID;
        CREATE TABLE recovery_codes (
            customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            code_sha256  TEXT NOT NULL,
            used_at      INTEGER,
            PRIMARY KEY (customer_id, code_sha256)
        ) WITHOUT ROWID;
        """
}

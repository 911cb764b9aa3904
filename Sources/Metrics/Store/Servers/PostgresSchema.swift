/// The ledger's tables on PostgreSQL, as literal SQL: a step once shipped is never edited, a change is a new step
/// at the end (the list's index + 1 is its version, recorded in `ledger_schema`).
enum PostgresSchema {
    static let steps: [String] = [
        """
        CREATE TABLE customers (
            id bigserial PRIMARY KEY, account_code text NOT NULL UNIQUE, name text NOT NULL,
            active boolean NOT NULL, channels_configured bigint NOT NULL, currency text NOT NULL DEFAULT 'USD',
            balance_micros bigint NOT NULL, debit_limit_micros bigint NOT NULL, rate_card_id bigint,
            profile_verified boolean NOT NULL DEFAULT true, created_at bigint NOT NULL);
        CREATE TABLE carriers (
            id bigserial PRIMARY KEY, name text NOT NULL UNIQUE, active boolean NOT NULL DEFAULT true,
            channels_configured bigint NOT NULL, rate_card_id bigint);
        CREATE TABLE calls_in_progress (
            call_key text PRIMARY KEY, source text NOT NULL, start_at bigint NOT NULL, answer_at bigint,
            customer_id bigint, carrier_id bigint, did_id bigint);
        CREATE INDEX calls_in_progress_source ON calls_in_progress (source);
        CREATE TABLE dids (id bigserial PRIMARY KEY, number text NOT NULL UNIQUE, customer_id bigint);
        CREATE TABLE feeds (
            name text PRIMARY KEY, kind text NOT NULL, cursor bigint NOT NULL, down_since bigint,
            checked_at bigint NOT NULL);
        CREATE TABLE registration_samples (minute bigint PRIMARY KEY, registrations bigint NOT NULL);
        CREATE TABLE cdr_batches (
            id text PRIMARY KEY, cdrs bigint NOT NULL, first_start bigint NOT NULL, last_start bigint NOT NULL,
            stored_at timestamptz NOT NULL DEFAULT now());
        """,
        // 2: rate cards, invoices and payments, pages, tickets, number blocks, portal users. The rules SQLite keeps
        // with triggers (balances, issued invoices unchanged) are kept by ServerStore+Invoices in the same
        // transaction; what a constraint can say is said here (a CDR on one invoice that is not void, blocks that
        // never overlap, gap-free series by `UPDATE … RETURNING`).
        """
        CREATE TABLE rate_cards (
            id bigserial PRIMARY KEY, name text NOT NULL UNIQUE,
            direction text NOT NULL CHECK (direction IN ('sell', 'buy')), currency text NOT NULL DEFAULT 'USD');
        CREATE TABLE rates (
            rate_card_id bigint NOT NULL REFERENCES rate_cards(id) ON DELETE CASCADE,
            prefix text NOT NULL CHECK (prefix ~ '^[0-9]+$'), description text NOT NULL DEFAULT '',
            rate_micros_per_minute bigint NOT NULL CHECK (rate_micros_per_minute >= 0),
            initial_seconds bigint NOT NULL CHECK (initial_seconds >= 1),
            increment_seconds bigint NOT NULL CHECK (increment_seconds >= 1),
            minimum_micros bigint NOT NULL CHECK (minimum_micros >= 0),
            connection_fee_micros bigint NOT NULL CHECK (connection_fee_micros >= 0),
            PRIMARY KEY (rate_card_id, prefix));
        CREATE TABLE billing_profiles (
            customer_id bigint PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
            due_days bigint NOT NULL CHECK (due_days >= 0 AND due_days <= 3650), zone text,
            line_grouping text NOT NULL CHECK (line_grouping IN ('destination', 'day')));
        CREATE TABLE billing_taxes (
            customer_id bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE, position bigint NOT NULL,
            name text NOT NULL, rate_millionths bigint NOT NULL CHECK (rate_millionths >= 0 AND rate_millionths <= 10000000),
            PRIMARY KEY (customer_id, position));
        CREATE TABLE invoice_series (
            name text PRIMARY KEY, prefix text NOT NULL DEFAULT '', last_number bigint NOT NULL DEFAULT 0 CHECK (last_number >= 0));
        INSERT INTO invoice_series (name, prefix) VALUES ('default', 'INV-');
        CREATE TABLE invoices (
            id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers(id),
            period_from bigint NOT NULL, period_to bigint NOT NULL CHECK (period_to > period_from), zone text,
            status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'paid', 'void')),
            series text REFERENCES invoice_series(name), sequence bigint, number text UNIQUE,
            created_at bigint NOT NULL, issued_at bigint, due_at bigint, paid_at bigint, voided_at bigint,
            currency text NOT NULL, line_grouping text NOT NULL CHECK (line_grouping IN ('destination', 'day')),
            subtotal_micros bigint NOT NULL DEFAULT 0, tax_micros bigint NOT NULL DEFAULT 0,
            rounding_micros bigint NOT NULL DEFAULT 0, total_micros bigint NOT NULL DEFAULT 0,
            CHECK (status <> 'draft' OR (number IS NULL AND sequence IS NULL AND issued_at IS NULL)),
            CHECK (status NOT IN ('issued', 'paid')
                OR (number IS NOT NULL AND sequence IS NOT NULL AND issued_at IS NOT NULL AND due_at IS NOT NULL)),
            UNIQUE (series, sequence));
        CREATE INDEX invoices_by_customer ON invoices (customer_id, period_from);
        CREATE INDEX invoices_by_status ON invoices (status);
        CREATE TABLE invoice_lines (
            invoice_id bigint NOT NULL REFERENCES invoices(id) ON DELETE CASCADE, position bigint NOT NULL,
            kind text NOT NULL CHECK (kind IN ('usage', 'tax', 'rounding')), description text NOT NULL, prefix text,
            day bigint, calls bigint NOT NULL DEFAULT 0 CHECK (calls >= 0),
            billed_seconds bigint NOT NULL DEFAULT 0 CHECK (billed_seconds >= 0), rate bigint,
            amount_micros bigint NOT NULL, PRIMARY KEY (invoice_id, position));
        CREATE TABLE invoice_cdrs (
            invoice_id bigint NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
            start_at bigint NOT NULL, row_key bigint NOT NULL, row_check bigint NOT NULL,
            active boolean NOT NULL DEFAULT true, PRIMARY KEY (invoice_id, start_at, row_key, row_check));
        CREATE UNIQUE INDEX invoice_cdrs_once ON invoice_cdrs (start_at, row_key, row_check) WHERE active;
        CREATE TABLE payments (
            id bigserial PRIMARY KEY, invoice_id bigint NOT NULL REFERENCES invoices(id),
            amount_micros bigint NOT NULL CHECK (amount_micros > 0), paid_at bigint NOT NULL,
            recorded_at bigint NOT NULL);
        CREATE INDEX payments_by_invoice ON payments (invoice_id);
        CREATE TABLE custom_pages (
            title text PRIMARY KEY CHECK (length(title) > 0), definition text NOT NULL, pushed_at bigint NOT NULL);
        CREATE TABLE help_tickets (
            id bigserial PRIMARY KEY, subject text NOT NULL CHECK (length(trim(subject)) > 0),
            customer_id bigint REFERENCES customers(id) ON DELETE SET NULL, support text NOT NULL,
            opened_at bigint NOT NULL, closed_at bigint CHECK (closed_at IS NULL OR closed_at >= opened_at));
        CREATE TABLE number_blocks (
            id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            start bigint NOT NULL CHECK (start >= 0),
            size bigint NOT NULL CHECK (size >= 1 AND start + size - 1 <= 999999), created_at bigint NOT NULL,
            CONSTRAINT number_blocks_never_overlap EXCLUDE USING gist (int8range(start, start + size) WITH &&));
        CREATE INDEX number_blocks_by_customer ON number_blocks (customer_id, start);
        CREATE TABLE portal_users (
            customer_id bigint PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
            name text NOT NULL DEFAULT '', email text NOT NULL DEFAULT '', department text NOT NULL DEFAULT '',
            phone text NOT NULL DEFAULT '', mobile text NOT NULL DEFAULT '', language text NOT NULL DEFAULT 'en',
            email_verified text, mobile_verified text, totp_secret_hex text, totp_enabled_at bigint,
            totp_last_step bigint);
        CREATE TABLE profile_changes (
            id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            field text NOT NULL, old_value text NOT NULL, new_value text NOT NULL, changed_by text NOT NULL,
            changed_at bigint NOT NULL);
        CREATE INDEX profile_changes_by_customer ON profile_changes (customer_id, id);
        CREATE TABLE verification_codes (
            customer_id bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            channel text NOT NULL CHECK (channel IN ('email', 'mobile')), address text NOT NULL,
            code_sha256 text NOT NULL, sent_at bigint NOT NULL, PRIMARY KEY (customer_id, channel));
        CREATE TABLE recovery_codes (
            customer_id bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE, code_sha256 text NOT NULL,
            used_at bigint, PRIMARY KEY (customer_id, code_sha256));
        """,
        // 3: the CDR files and their rejected rows, as SQLite's `cdr_files` and `cdr_rejects` (raw rows as bytes:
        // PostgreSQL text cannot hold the NUL byte a row may be rejected for).
        """
        CREATE TABLE cdr_files (
            id bigserial PRIMARY KEY, source text NOT NULL, path text NOT NULL, name text NOT NULL,
            size bigint NOT NULL CHECK (size >= 0), content_hash text, format text,
            status text NOT NULL CHECK (status IN ('waiting', 'processing', 'success', 'error')),
            rows_read bigint NOT NULL DEFAULT 0, rows_accepted bigint NOT NULL DEFAULT 0,
            rows_rejected bigint NOT NULL DEFAULT 0, rows_new bigint NOT NULL DEFAULT 0, first_error text,
            discovered_at bigint NOT NULL, started_at bigint, finished_at bigint,
            duplicate_of bigint REFERENCES cdr_files (id), owner_pid bigint, owner_start text,
            first_row_key bigint, first_row_check bigint, first_row_start bigint);
        CREATE INDEX cdr_files_content ON cdr_files (source, content_hash);
        CREATE INDEX cdr_files_path ON cdr_files (source, path);
        CREATE INDEX cdr_files_first_row ON cdr_files (first_row_key, first_row_check);
        CREATE TABLE cdr_rejects (
            file_id bigint NOT NULL REFERENCES cdr_files (id) ON DELETE CASCADE, line bigint NOT NULL,
            raw bytea NOT NULL, reason text NOT NULL, PRIMARY KEY (file_id, line));
        ALTER TABLE customers ADD COLUMN first_seen_file_id bigint REFERENCES cdr_files (id);
        ALTER TABLE carriers ADD COLUMN first_seen_file_id bigint REFERENCES cdr_files (id);
        """,
        // 4: registrations held now, one row per registered contact (the simulator's and the switch feeds').
        """
        CREATE TABLE registrations (
            endpoint text PRIMARY KEY, customer_id bigint, contact text NOT NULL DEFAULT '',
            registered_at bigint NOT NULL, expires_at bigint NOT NULL);
        CREATE INDEX registrations_customer ON registrations (customer_id);
        """,
        // 5: the ClickHouse rollups' bookkeeping. `rollup_dirty` holds the start ranges [low, high) whose rollup rows
        // may be stale: a writer marks its range (committed at once, before its ClickHouse insert) and deletes the
        // mark once it has recomputed the range; `owner`/`owner_start` name the marking connection, so a mark whose
        // connection is gone (a killed writer) is recomputed by the next writer or `rebuild`. Every recompute takes
        // its rows' version from `rollup_version`. The row marking everything makes CDRs stored before the rollups
        // existed read from the raw table until the first writer recomputes them. `rollup_longest` is the longest call
        // stored (raised by each mark and each recompute): how far back a minute's channel seconds may begin.
        """
        CREATE SEQUENCE rollup_version;
        CREATE TABLE rollup_dirty (
            id bigserial PRIMARY KEY, low bigint NOT NULL, high bigint NOT NULL CHECK (high > low),
            owner integer NOT NULL, owner_start timestamptz);
        INSERT INTO rollup_dirty (low, high, owner) VALUES (-4611686018427387904, 4611686018427387904, 0);
        CREATE TABLE rollup_longest (seconds bigint NOT NULL);
        INSERT INTO rollup_longest VALUES (0);
        """,
        // 6: imports at once. The ids handed out to accounts that importers name first, committed at once
        // (`ServerAccounts.reserve`) while each account's row is created in the import's own transaction: importers
        // running at once give a name one id, and an id once given is never given to another name, even by an
        // import that then failed. Batches in the order recorded, so an import finds those committed since it began.
        """
        CREATE TABLE account_ids (
            kind text NOT NULL CHECK (kind IN ('customer', 'carrier', 'did')), name text NOT NULL, id bigint NOT NULL,
            PRIMARY KEY (kind, name), UNIQUE (kind, id));
        ALTER TABLE cdr_batches ADD COLUMN seq bigserial;
        CREATE INDEX cdr_batches_seq ON cdr_batches (seq);
        """,
        // 7: the ended-per-second rollup (`rollup_ended`) is new and empty: everything is marked, so the CDRs stored
        // before it are read from the raw table until the first writer (or `rebuild`) recomputes them.
        """
        INSERT INTO rollup_dirty (low, high, owner) VALUES (-4611686018427387904, 4611686018427387904, 0);
        """,
        // 8: the channel rollup's calls open at each minute's start (`rollup_channel.open`) are new and 0: everything
        // is marked again, so the count at an instant is read from the raw table until a writer (or `rebuild`)
        // recomputes them.
        """
        INSERT INTO rollup_dirty (low, high, owner) VALUES (-4611686018427387904, 4611686018427387904, 0);
        """,
        // 9: the hour rollup (`rollup_hour`) is new and empty: everything is marked, so figures of whole hours are read
        // from the minute rollup and the CDRs until a writer (or `rebuild`) recomputes them.
        """
        INSERT INTO rollup_dirty (low, high, owner) VALUES (-4611686018427387904, 4611686018427387904, 0);
        """,
        // 10: importers on other machines. An import's entry names the PostgreSQL connection that runs it (its
        // backend's pid and start), as `rollup_dirty` does: a reader on any machine tells a running import from one
        // whose process is gone by whether that connection still is.
        """
        ALTER TABLE cdr_files ADD COLUMN owner_backend integer, ADD COLUMN owner_backend_start timestamptz;
        """,
    ]
}

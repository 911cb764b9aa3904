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
        // The CDR files and their rejected rows, as SQLite's `cdr_files` and `cdr_rejects` (raw rows as bytes:
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
    ]
}

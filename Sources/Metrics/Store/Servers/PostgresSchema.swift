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
    ]
}

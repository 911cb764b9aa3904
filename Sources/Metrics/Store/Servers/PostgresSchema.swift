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
        // Registrations held now, one row per registered contact (the simulator's and the switch feeds').
        """
        CREATE TABLE registrations (
            endpoint text PRIMARY KEY, customer_id bigint, contact text NOT NULL DEFAULT '',
            registered_at bigint NOT NULL, expires_at bigint NOT NULL);
        CREATE INDEX registrations_customer ON registrations (customer_id);
        """,
        // Rate cards and their rates, as SQLite keeps them.
        """
        CREATE TABLE rate_cards (
            id bigserial PRIMARY KEY, name text NOT NULL UNIQUE,
            direction text NOT NULL CHECK (direction IN ('sell', 'buy')), currency text NOT NULL DEFAULT 'USD');
        CREATE TABLE rates (
            rate_card_id bigint NOT NULL REFERENCES rate_cards (id) ON DELETE CASCADE,
            prefix text NOT NULL CHECK (prefix ~ '^[0-9]+$'), description text NOT NULL DEFAULT '',
            rate_micros_per_minute bigint NOT NULL CHECK (rate_micros_per_minute >= 0),
            initial_seconds bigint NOT NULL DEFAULT 60 CHECK (initial_seconds >= 1),
            increment_seconds bigint NOT NULL DEFAULT 60 CHECK (increment_seconds >= 1),
            minimum_micros bigint NOT NULL DEFAULT 0 CHECK (minimum_micros >= 0),
            connection_fee_micros bigint NOT NULL DEFAULT 0 CHECK (connection_fee_micros >= 0),
            PRIMARY KEY (rate_card_id, prefix));
        """,
    ]
}

/// The CDR table on ClickHouse, as literal SQL that 18.16 accepts (and current releases too).
///
/// One row per CDR with its counters already split (answered, busy, … as 0/1), so every figure is a `sum` over a
/// `GROUP BY`: there is no materialized view, because ClickHouse does not deduplicate what feeds one and a retried
/// batch would double it. The table is a ReplacingMergeTree keyed by (start, row key, row check): a CDR written
/// twice (a retried batch, two writers) is one row once merged, and every read uses `FINAL`, which collapses rows
/// not merged yet. On a cluster the rows are sharded by their key, so both copies of a CDR land on the same shard
/// and `FINAL` there sees them both.
enum ClickHouseSchema {
    static func localTable(database: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(database).cdr_local (
            start_at Int64, row_key Int64, row_check Int64, end_at Int64, answer_at Int64,
            source String, customer_id Int64, carrier_id Int64, did_id Int64,
            disposition String, duration Int64, billsec Int64,
            answered UInt8, busy UInt8, no_answer UInt8, failed UInt8,
            dtmf_known UInt8, dtmf_calls UInt8, dtmf_digits Int64,
            sell_micros Int64, buy_micros Int64, unrated_sell UInt8, unrated_buy UInt8,
            src String, dst String)
        ENGINE = ReplacingMergeTree
        PARTITION BY toYYYYMM(toDateTime(start_at))
        ORDER BY (start_at, row_key, row_check)
        """
    }

    /// The cluster's entry table, created on every shard (no `ON CLUSTER`: that needs ZooKeeper).
    static func distributedTable(database: String, cluster: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(database).cdr_all AS \(database).cdr_local
        ENGINE = Distributed(\(cluster), \(database), cdr_local, intHash64(row_key))
        """
    }

    /// Each node's rollup of its own `cdr_local`: the sum of every counter per minute and group, money as
    /// Decimal128 (no wrap; checked against Int64 when read). Never fed by a materialized view: a writer recomputes
    /// the minutes it touched from `cdr_local FINAL` after its commit, every row of the recompute with one version
    /// from PostgreSQL's `rollup_version`, so the newest version of a (minute, group) is a complete recompute and
    /// `FINAL` keeps it. A group never disappears from a minute (CDRs are never deleted; repricing keeps a CDR's
    /// customer and carrier), so a recompute overwrites every row of its range. `grouped_by` says which ids a row
    /// is grouped by (0 none, 1 customer, 2 carrier, 3 both; the others are 0): a figure of everyone or per
    /// customer reads one row per minute or per customer and minute, not one per customer and carrier.
    static func rollupMinuteTable(database: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(database).rollup_minute (
            grouped_by UInt8, minute Int64, customer_id Int64, carrier_id Int64,
            attempts Int64, answered Int64, busy Int64, no_answer Int64, failed Int64, billsec Int64,
            dtmf_known Int64, dtmf_calls Int64, dtmf_digits Int64,
            sell_micros Decimal128(0), buy_micros Decimal128(0), unrated_sell Int64, unrated_buy Int64,
            version UInt64)
        ENGINE = ReplacingMergeTree(version)
        PARTITION BY toYYYYMM(toDateTime(minute))
        ORDER BY (grouped_by, minute, customer_id, carrier_id)
        SETTINGS index_granularity = 1024
        """
    }

    /// Each node's minute rollup summed per hour (the same groupings and counters), recomputed from it after every
    /// minute recompute under `ServerLock.hourRollup`: a figure over a day or a month reads 24 rows per group a day,
    /// not 1,440. Readers take only whole hours no mark overlaps.
    static func rollupHourTable(database: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(database).rollup_hour (
            grouped_by UInt8, hour Int64, customer_id Int64, carrier_id Int64,
            attempts Int64, answered Int64, busy Int64, no_answer Int64, failed Int64, billsec Int64,
            dtmf_known Int64, dtmf_calls Int64, dtmf_digits Int64,
            sell_micros Decimal128(0), buy_micros Decimal128(0), unrated_sell Int64, unrated_buy Int64,
            version UInt64)
        ENGINE = ReplacingMergeTree(version)
        PARTITION BY toYYYYMM(toDateTime(hour))
        ORDER BY (grouped_by, hour, customer_id, carrier_id)
        SETTINGS index_granularity = 1024
        """
    }

    /// Each node's call attempts per second (peaks, traffic series), recomputed and versioned as `rollup_minute`
    /// is, over the same marked ranges.
    static func rollupSecondTable(database: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(database).rollup_second (second Int64, attempts Int64, version UInt64)
        ENGINE = ReplacingMergeTree(version)
        PARTITION BY toYYYYMM(toDateTime(second))
        ORDER BY second
        SETTINGS index_granularity = 1024
        """
    }

    /// Each node's channel seconds per minute (each call spread over the minutes it spans, clipped to each),
    /// recomputed and versioned as `rollup_minute` is; a write marks the minutes from its calls' starts to their ends.
    static func rollupChannelTable(database: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(database).rollup_channel (minute Int64, seconds Int64, version UInt64)
        ENGINE = ReplacingMergeTree(version)
        PARTITION BY toYYYYMM(toDateTime(minute))
        ORDER BY minute
        SETTINGS index_granularity = 1024
        """
    }

    /// Each node's finished calls per end second (the dashboard's calls ended per second), recomputed and versioned
    /// as `rollup_minute` is; a write's mark reaches its last end, so every end it sends is inside it.
    static func rollupEndedTable(database: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(database).rollup_ended (second Int64, ended Int64, version UInt64)
        ENGINE = ReplacingMergeTree(version)
        PARTITION BY toYYYYMM(toDateTime(second))
        ORDER BY second
        SETTINGS index_granularity = 1024
        """
    }

    /// The rollup tables, each with the index granularity of `rollupGranularity`.
    static let rollupTables = ["rollup_minute", "rollup_second", "rollup_channel", "rollup_ended", "rollup_hour"]

    /// The statement creating the rollup table `name` (one of `rollupTables`).
    static func rollupTable(_ name: String, database: String) -> String {
        switch name {
        case "rollup_minute": return rollupMinuteTable(database: database)
        case "rollup_second": return rollupSecondTable(database: database)
        case "rollup_channel": return rollupChannelTable(database: database)
        case "rollup_ended": return rollupEndedTable(database: database)
        case "rollup_hour": return rollupHourTable(database: database)
        default: preconditionFailure("\(name) is not one of the rollup tables")
        }
    }

    /// Rows per index granule of the rollups (ClickHouse's default is 8,192). A figure reads a few rows of a rollup
    /// (a minute's network row, 40 carriers' hours), and `FINAL` merges every row of each granule it touches, in each
    /// part: at 100 M CDRs, granules of 1,024 rows took a third off such reads. Rollups made before it are made
    /// again with it and recomputed (`ServerStore.refineRollupGranules`).
    static let rollupGranularity = "index_granularity = 1024"

    /// The shards' rollup `table` read as one (reads only: each node's rows are written on that node).
    static func rollupDistributed(database: String, cluster: String, table: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(database).\(table)_all AS \(database).\(table)
        ENGINE = Distributed(\(cluster), \(database), \(table))
        """
    }

    /// The write that stored each copy of a CDR (its `cdr_batches` id on PostgreSQL; empty for rows written before
    /// the column): a copy whose batch never committed was left by a writer killed between its ClickHouse insert
    /// and its commit, and does not count as stored for the writer that retries it. Added to tables made before it.
    static let batchColumn = "batch"

    static func addBatchColumn(database: String, table: String) -> String {
        "ALTER TABLE \(database).\(table) ADD COLUMN \(batchColumn) String DEFAULT ''"
    }

    /// The finished calls holding a channel at each minute's first second (start <= minute < end), beside the
    /// minute's channel seconds in `rollup_channel`, recomputed with them: the count at any instant is the one at
    /// its minute's start plus the calls started since, less those ended since. Added to tables made before it
    /// (0 there until recomputed: PostgreSQL's schema step 8 marks everything).
    static let openColumn = "open"

    static func addOpenColumn(database: String, table: String) -> String {
        "ALTER TABLE \(database).\(table) ADD COLUMN \(openColumn) Int64 DEFAULT 0"
    }

    /// The caller's name as the switch sent it (an invoice's CDR lines show it). Added to tables made before it
    /// (empty for the CDRs stored before).
    static let callerNameColumn = "caller_name"

    static func addCallerNameColumn(database: String, table: String) -> String {
        "ALTER TABLE \(database).\(table) ADD COLUMN \(callerNameColumn) String DEFAULT ''"
    }

    /// The billed seconds the CDR states, answered or not: what an invoice bills, as the embedded store does
    /// (`billsec > 0`). `billsec` holds them for answered calls only, the figures' counter. Added to tables made
    /// before it, where it reads `billsec`: the same for every CDR with an answer time.
    static let billedSecondsColumn = "billed_seconds"

    static func addBilledSecondsColumn(database: String, table: String) -> String {
        "ALTER TABLE \(database).\(table) ADD COLUMN \(billedSecondsColumn) Int64 DEFAULT billsec"
    }

    /// What custom pages read of the CDRs (docs/pages.md): each CDR once (`FINAL`), with the embedded store's column
    /// names and its NULLs (no answer time, no account, DTMF not known, not rated).
    static func cdrsView(database: String, table: String) -> String {
        """
        CREATE VIEW \(database).cdrs AS SELECT
            start_at, end_at, if(answer_at = -1, NULL, answer_at) AS answer_at, duration,
            \(billedSecondsColumn) AS billsec, disposition, source,
            if(customer_id = 0, NULL, customer_id) AS customer_id, if(carrier_id = 0, NULL, carrier_id) AS carrier_id,
            if(did_id = 0, NULL, did_id) AS did_id, src, dst, \(callerNameColumn) AS caller_name,
            if(dtmf_known = 1, dtmf_digits, NULL) AS dtmf_digits,
            if(unrated_sell = 1, NULL, sell_micros) AS sell_micros, if(unrated_buy = 1, NULL, buy_micros) AS buy_micros
        FROM \(database).\(table) FINAL
        """
    }

    /// The columns in the order `ServerWriteSession` writes them as TSV.
    static let columns = """
        start_at, row_key, row_check, end_at, answer_at, source, customer_id, carrier_id, did_id, disposition, \
        duration, billsec, answered, busy, no_answer, failed, dtmf_known, dtmf_calls, dtmf_digits, sell_micros, \
        buy_micros, unrated_sell, unrated_buy, src, dst, batch, caller_name, billed_seconds
        """
}

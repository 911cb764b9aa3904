import GRDB

/// The switch feeds (v9's `feeds`).
extension SQLiteReadSession: FeedReading {
    func feeds() throws -> [FeedState] {
        try Row.fetchAll(db, sql: "SELECT name, kind, cursor, down_since, checked_at FROM feeds ORDER BY name")
            .map(Self.feedState)
    }

    static func feedState(_ row: Row) -> FeedState {
        FeedState(name: row[0], kind: row[1], cursor: row[2], downSince: row[3], checkedAt: row[4])
    }
}

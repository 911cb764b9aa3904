import GRDB

/// Custom pages (`custom_pages`), each requirement in a transaction of its own.
extension SQLiteStore: PageLedger {
    public func pushPage(title: String, definition: String, at now: Int64) throws {
        try write { (db: Database) in
            try db.execute(sql: """
                INSERT INTO custom_pages (title, definition, pushed_at) VALUES (?, ?, ?)
                ON CONFLICT (title) DO UPDATE SET definition = excluded.definition, pushed_at = excluded.pushed_at
                """, arguments: [title, definition, now])
        }
    }

    public func storedPages() throws -> [StoredPage] {
        try read { (db: Database) in
            try Row.fetchAll(db, sql: "SELECT title, definition, pushed_at FROM custom_pages ORDER BY title").map {
                StoredPage(title: $0[0], definition: $0[1], pushedAt: $0[2])
            }
        }
    }

    @discardableResult
    public func removePage(title: String) throws -> Bool {
        try write { (db: Database) in
            try db.execute(sql: "DELETE FROM custom_pages WHERE title = ?", arguments: [title])
            return db.changesCount > 0
        }
    }
}

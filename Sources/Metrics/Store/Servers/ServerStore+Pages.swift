import Metrics
import PostgresNIO

/// Custom pages (`custom_pages`), by title.
extension ServerStore {
    public func pushPage(title: String, definition: String, at now: Int64) throws {
        try transaction {
            try postgres.execute("""
                INSERT INTO custom_pages (title, definition, pushed_at) VALUES ($1, $2, $3)
                ON CONFLICT (title) DO UPDATE SET definition = excluded.definition, pushed_at = excluded.pushed_at
                """, [PostgresData(string: title), PostgresData(string: definition), PostgresData(int64: now)])
        }
    }

    public func storedPages() throws -> [StoredPage] {
        try reading {
            try postgres.execute("SELECT title, definition, pushed_at FROM custom_pages").map {
                StoredPage(title: try $0.text(0), definition: try $0.text(1), pushedAt: try $0.int(2))
            }
            // By the bytes of the title: the order of SQLite's BINARY collation, whatever the server's collation.
            .sorted { Array($0.title.utf8).lexicographicallyPrecedes($1.title.utf8) }
        }
    }

    @discardableResult
    public func removePage(title: String) throws -> Bool {
        try transaction {
            !(try postgres.execute("DELETE FROM custom_pages WHERE title = $1 RETURNING title",
                                   [PostgresData(string: title)])).isEmpty
        }
    }
}

import TOMLKit

/// `[[pages]]` tables, as the config and `termdash page push FILE` write them:
///
/// ```toml
/// [[pages]]
/// title = "Carriers"
/// key = "C"
/// customers = false          # optional
/// [[pages.panes]]
/// title = "Busiest"
/// kind = "table"             # table, bar, sparkline or counter
/// sql = "select name, channels_configured from carriers order by 2 desc"
/// refresh_seconds = 5        # optional, 5 by default
/// store = "ledger"            # optional: "ledger" (default) or "cdrs", where it runs on the servers
/// ```
///
/// Mistakes are reported with the file, the page's line and the reason.
enum CustomPageParser {
    static let defaultRefreshSeconds = 5.0

    static func parse(_ text: String, path: String) throws -> [CustomPage] {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw ConfigError(path: path, line: error.source.begin.line, reason: QuotedText.capped(error.description, limit: 200))
        }
        return try pages(in: table, text: text, path: path)
    }

    static func pages(in table: TOMLTable, text: String, path: String) throws -> [CustomPage] {
        guard let value = table["pages"] else { return [] }
        guard let array = value.array else { throw ConfigError(path: path, line: nil, reason: "pages must be [[pages]] tables") }
        let pageLines = lines(of: "[[pages]]", in: text)
        var pages: [CustomPage] = []
        for (index, element) in array.enumerated() {
            let line = index < pageLines.count ? pageLines[index] : nil
            func fail(_ reason: String) -> ConfigError {
                ConfigError(path: path, line: line, reason: "[[pages]] #\(index + 1): \(reason)")
            }
            guard let page = element.table else { throw fail("must be a table") }
            for key in page.keys where !["title", "key", "customers", "panes"].contains(key) {
                throw fail("unknown setting \(key)")
            }
            guard let title = page["title"]?.string, !title.isEmpty else { throw fail("title must be a non-empty string") }
            guard let key = page["key"]?.string, key.count == 1 else { throw fail("key must be one character") }
            let customers = page["customers"].map { $0.bool } ?? false
            guard let customers else { throw fail("customers must be true or false") }
            guard let paneArray = page["panes"]?.array, !paneArray.isEmpty else {
                throw fail("needs at least one [[pages.panes]]")
            }
            var panes: [CustomPane] = []
            for (paneIndex, paneValue) in paneArray.enumerated() {
                func paneFail(_ reason: String) -> ConfigError { fail("pane #\(paneIndex + 1): \(reason)") }
                guard let pane = paneValue.table else { throw paneFail("must be a table") }
                for key in pane.keys where !["title", "kind", "sql", "refresh_seconds", "store"].contains(key) {
                    throw paneFail("unknown setting \(key)")
                }
                guard let sql = pane["sql"]?.string, !sql.isEmpty else { throw paneFail("sql must be a non-empty string") }
                let kindName = pane["kind"]?.string ?? CustomPaneKind.table.rawValue
                guard let kind = CustomPaneKind(rawValue: kindName) else {
                    throw paneFail("kind must be table, bar, sparkline or counter")
                }
                var refresh = defaultRefreshSeconds
                if let value = pane["refresh_seconds"] {
                    guard let seconds = value.double ?? value.int.map(Double.init), seconds >= 0.5 else {
                        throw paneFail("refresh_seconds must be a number of at least 0.5")
                    }
                    refresh = seconds
                }
                let storeName = pane["store"]?.string ?? CustomPaneStore.ledger.rawValue
                guard let store = CustomPaneStore(rawValue: storeName) else {
                    throw paneFail("store must be ledger or cdrs")
                }
                if customers && !sql.contains(":customer") {
                    throw paneFail("a page for customers must filter by :customer")
                }
                panes.append(CustomPane(title: pane["title"]?.string ?? "", sql: sql, kind: kind, refreshSeconds: refresh,
                                        store: store))
            }
            if pages.contains(where: { $0.title == title }) { throw fail("another page is titled \(title)") }
            pages.append(CustomPage(title: title, key: key, customers: customers, panes: panes))
        }
        return pages
    }

    /// The 1-based lines where `header` starts a line.
    private static func lines(of header: String, in text: String) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            line.trimmingPrefix(while: { $0 == " " || $0 == "\t" }).hasPrefix(header) ? index + 1 : nil
        }
    }
}

private extension Substring {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring { drop(while: predicate) }
}

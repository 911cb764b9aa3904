import Metrics

/// Selected summary cells as text for the clipboard (TSV, `y` and `Y`) and for a file (CSV, `e`).
///
/// Values are exact: counts as integers, money from micros with exactly the currency's minor digits, ratios
/// rounded in integer arithmetic to two decimals; no thousands separators or units, so a spreadsheet reads
/// numbers. A cell with no value is "N/A". Headings are the buckets' full UTC labels ("2026-11-21T13:00Z",
/// "2026-11-21", "2026-11") and the customers' names, sanitised: no control characters, tabs or line breaks, and
/// a name a spreadsheet would take for a formula (starting with = + - @) is prefixed with an apostrophe.
enum SelectionExport {
    static let nameHeader = "Customer"

    /// The cells of `range` as rows of fields; with `headers`, a first row of bucket labels and a first column
    /// of names. Parts of `range` outside the grid are left out.
    static func table(
        _ grid: SummaryGrid, range: GridRange, metric: CellMetric, headers: Bool, moneyDecimals: Int = 2
    ) -> [[String]] {
        let rows = range.rows.filter { $0 >= 0 && $0 < grid.rows.count }
        let columns = range.columns.filter { $0 >= 0 && $0 < grid.buckets.count }
        guard !rows.isEmpty, !columns.isEmpty else { return [] }
        var table: [[String]] = []
        if headers {
            table.append([nameHeader] + columns.map { BucketLabel.full(grid.buckets[$0], period: grid.period) })
        }
        for r in rows {
            let row = grid.rows[r]
            var fields = headers ? [textField(row.name)] : []
            for c in columns {
                let cell = c < row.cells.count ? row.cells[c] : TrafficFigures()
                fields.append(FigureText.exact(cell, metric: metric, moneyDecimals: moneyDecimals) ?? FigureText.notApplicable)
            }
            table.append(fields)
        }
        return table
    }

    /// Tab-separated, rows separated by "\n", no newline after the last (so one cell pastes as just its value).
    static func tsv(
        _ grid: SummaryGrid, range: GridRange, metric: CellMetric, headers: Bool = false, moneyDecimals: Int = 2
    ) -> String {
        table(grid, range: range, metric: metric, headers: headers, moneyDecimals: moneyDecimals)
            .map { $0.joined(separator: "\t") }.joined(separator: "\n")
    }

    /// RFC 4180: headers always, fields with a comma or a quote quoted (quotes doubled), CRLF after every record.
    static func csv(_ grid: SummaryGrid, range: GridRange, metric: CellMetric, moneyDecimals: Int = 2) -> String {
        table(grid, range: range, metric: metric, headers: true, moneyDecimals: moneyDecimals)
            .map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A name from the store made safe for a cell of a spreadsheet: sanitised (tabs and line breaks become
    /// spaces, escape sequences go) and never read as a formula.
    static func textField(_ text: String) -> String {
        let clean = Sanitizer.clean(text)
        if let first = clean.first, "=+-@".contains(first) { return "'" + clean }
        return clean
    }

    /// "1 cell", "6 cells", for status messages.
    static func describe(_ range: GridRange, in grid: SummaryGrid) -> String {
        let rows = range.rows.filter { $0 >= 0 && $0 < grid.rows.count }.count
        let columns = range.columns.filter { $0 >= 0 && $0 < grid.buckets.count }.count
        let count = rows * columns
        return FigureText.integer(Int64(count), grouped: true) + (count == 1 ? " cell" : " cells")
    }

    /// "summary-live-asr-20261121T133005Z.csv"
    static func fileName(period: SummaryPeriod, metric: CellMetric, at seconds: Int64) -> String {
        "summary-\(period.rawValue)-\(metric.rawValue.lowercased())-\(BucketLabel.timestamp(seconds)).csv"
    }
}

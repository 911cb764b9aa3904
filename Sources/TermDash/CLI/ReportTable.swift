import Foundation
import Metrics

/// A report as named columns of cells, printed as an aligned table, CSV or JSON. Pure: the command fills it,
/// tests read it. Text from the store goes to the table and CSV through `Sanitizer.clean` and to JSON escaped
/// (`JSONEscaping`), so no output can drive the terminal it is printed on.
struct ReportTable {
    enum Value: Equatable {
        case text(String)
        case integer(Int64)
        /// A ratio with its decimals; nil is N/A (no denominator).
        case ratio(Double?, decimals: Int)
        /// Exact money: six decimals in CSV and JSON, two in the table.
        case money(Money)
        /// A figure already written as text (aligned right like the others).
        case figure(String)
    }

    var report: String
    var period: SummaryPeriod?
    var columns: [String]
    var rows: [[Value]]
    /// The period asked for with --from/--to or --month; nil for the last 24 h, 31 days or 12 months.
    var range: Period? = nil

    func table() -> String {
        let cells = [columns] + rows.map { $0.map { Self.display($0, forTable: true) } }
        let widths = columns.indices.map { column in cells.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return cells.map { row in
            row.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - DisplayWidth.of(text))
                // Names left, figures right.
                return column == 0 || (rows.first.map { if case .text = $0[column] { true } else { false } } ?? true)
                    ? text + pad : pad + text
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    func csv() -> String {
        ([columns.map(Self.csvField).joined(separator: ",")]
            + rows.map { $0.map { Self.csvField(Self.display($0, forTable: false)) }.joined(separator: ",") })
            .joined(separator: "\r\n") + "\r\n"
    }

    /// The shape is documented in docs/report-json.md.
    func json(version: String, generatedAt: Date) throws -> String {
        let formatter = ISO8601DateFormatter()
        var object: [String: Any] = [
            "report": report, "version": version, "generated_at": formatter.string(from: generatedAt),
            "columns": columns,
            "rows": rows.map { row in
                Dictionary(uniqueKeysWithValues: zip(columns, row.map(Self.jsonValue)))
            },
        ]
        object["period"] = period?.rawValue ?? NSNull()
        if let range {
            object["from"] = Period.utcText(range.from)
            object["to"] = Period.utcText(range.to)
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return JSONEscaping.escapingUnsafe(String(decoding: data, as: UTF8.self)) + "\n"
    }

    private static func display(_ value: Value, forTable: Bool) -> String {
        switch value {
        case .text(let text): return Sanitizer.clean(text)
        case .integer(let number): return String(number)
        case .ratio(let ratio, let decimals):
            guard let ratio else { return "N/A" }
            return String(format: "%.\(decimals)f", ratio)
        case .money(let money): return money.formatted(decimals: forTable ? 2 : 6)
        case .figure(let text): return Sanitizer.clean(text)
        }
    }

    private static func jsonValue(_ value: Value) -> Any {
        switch value {
        case .text(let text): return text
        case .integer(let number): return number
        case .ratio(let ratio, let decimals):
            guard let ratio else { return NSNull() }
            return Double(String(format: "%.\(decimals)f", ratio)) ?? ratio
        // A string, so that no JSON reader turns an exact amount into a binary float.
        case .money(let money): return money.formatted(decimals: 6)
        case .figure(let text): return text
        }
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension ReportTable {
    static let figureColumns = [
        "attempts", "answered", "busy", "no_answer", "failed", "asr_percent", "acd_seconds", "dtmf_share_percent",
        "dtmf_digits", "dtmf_unknown", "spend", "provider_cost", "profit", "unrated_sell", "unrated_buy",
    ]

    static func figureValues(_ figures: TrafficFigures) -> [Value] {
        let counts = figures.counts
        return [
            .integer(counts.attempts), .integer(counts.answered), .integer(counts.busy), .integer(counts.noAnswer),
            .integer(counts.failed), .ratio(figures.asr, decimals: 2), .ratio(figures.acd, decimals: 1),
            .ratio(figures.dtmfShare, decimals: 2), .integer(counts.dtmfDigits), .integer(figures.dtmfUnknown),
            .money(figures.spend), .money(figures.providerCost), .money(figures.profit),
            .integer(counts.unratedSell), .integer(counts.unratedBuy),
        ]
    }
}

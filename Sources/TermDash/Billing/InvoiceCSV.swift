import Foundation
import Metrics

/// The CSV of exactly the CDRs behind an invoice: one row each, its charge exact (six decimals), so the charges
/// add up to the invoice's subtotal. Text from the store is sanitised.
enum InvoiceCSV {
    static let columns = ["cdr_id", "start_utc", "answer_utc", "end_utc", "billsec", "src", "dst", "caller_name",
                          "charge"]

    static func text(_ cdrs: [InvoicedCDR]) -> String {
        var lines = [columns.joined(separator: ",")]
        for cdr in cdrs {
            lines.append([
                String(cdr.id), Period.utcText(cdr.startAt), cdr.answerAt.map(Period.utcText) ?? "",
                Period.utcText(cdr.endAt), String(cdr.billsec), field(cdr.src), field(cdr.dst),
                field(cdr.callerName), cdr.charge.formatted(decimals: 6),
            ].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        let clean = Sanitizer.clean(text)
        guard clean.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return clean }
        return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

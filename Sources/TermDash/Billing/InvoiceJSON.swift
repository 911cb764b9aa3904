import Foundation
import Metrics

/// Invoices as JSON (docs/invoices.md): money as strings with six decimals (exact), instants as ISO 8601 UTC,
/// unsafe characters escaped.
enum InvoiceJSON {
    static func object(_ invoice: Invoice) -> [String: Any] {
        func instant(_ value: Int64?) -> Any { value.map(Period.utcText) ?? NSNull() }
        func money(_ value: Money) -> String { value.formatted(decimals: 6) }
        return [
            "id": invoice.id,
            "number": invoice.number ?? NSNull(),
            "customer": ["id": invoice.customerID, "name": invoice.customerName, "account_code": invoice.accountCode],
            "period": ["from": Period.utcText(invoice.period.from), "to": Period.utcText(invoice.period.to),
                       "zone": invoice.zone ?? "UTC"],
            "status": invoice.status.rawValue,
            "partly_paid": invoice.isPartlyPaid,
            "created_at": instant(invoice.createdAt),
            "issued_at": instant(invoice.issuedAt),
            "due_at": instant(invoice.dueAt),
            "paid_at": instant(invoice.paidAt),
            "voided_at": instant(invoice.voidedAt),
            "currency": invoice.currency,
            "line_grouping": invoice.lineGrouping.rawValue,
            "cdrs": invoice.cdrCount,
            "subtotal": money(invoice.subtotal),
            "tax": money(invoice.tax),
            "rounding": money(invoice.rounding),
            "total": money(invoice.total),
            "paid": money(invoice.paid),
            "left": money(invoice.left),
            "lines": invoice.lines.map { line -> [String: Any] in
                [
                    "kind": line.kind.rawValue, "description": line.description, "prefix": line.prefix ?? NSNull(),
                    "day": instant(line.day), "calls": line.calls, "billed_seconds": line.billedSeconds,
                    "rate": line.rate ?? NSNull(), "amount": money(line.amount),
                ]
            },
            "payments": invoice.payments.map { payment -> [String: Any] in
                ["id": payment.id, "amount": money(payment.amount), "paid_at": Period.utcText(payment.paidAt),
                 "recorded_at": Period.utcText(payment.recordedAt)]
            },
        ]
    }

    static func text(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys])
        return JSONEscaping.escapingUnsafe(String(decoding: data, as: UTF8.self)) + "\n"
    }
}

import Foundation
import GRDB

/// The invoices' SQL: profiles, drafts made from the CDRs, issue, payments, void, and the reads. Rules that must
/// hold whoever writes are the schema's triggers (v9); these functions keep to them and turn the cases a user meets
/// into `InvoiceError`s first.
enum SQLiteInvoices {
    static let series = "default"
    static let secondsPerDay: Int64 = 86_400
    /// The unrated destinations an error names.
    static let unratedShown = 10

    // MARK: Profiles

    static func profile(customerID: Int64, in db: Database) throws -> BillingProfile? {
        guard let currency = try String.fetchOne(db, sql: "SELECT currency FROM customers WHERE id = ?",
                                                 arguments: [customerID]) else { return nil }
        var profile = BillingProfile(currency: currency)
        if let row = try Row.fetchOne(db, sql: """
            SELECT due_days, zone, line_grouping FROM billing_profiles WHERE customer_id = ?
            """, arguments: [customerID]) {
            profile.dueDays = row[0]
            profile.zone = row[1]
            profile.lineGrouping = InvoiceLineGrouping(rawValue: row[2]) ?? .destination
        }
        profile.taxes = try Row.fetchAll(db, sql: """
            SELECT name, rate_millionths FROM billing_taxes WHERE customer_id = ? ORDER BY position
            """, arguments: [customerID]).map { TaxRate(name: $0[0], rateMillionths: $0[1]) }
        return profile
    }

    static func setProfile(_ profile: BillingProfile, customerID: Int64, in db: Database) throws {
        if let zone = profile.zone, TimeZone(identifier: zone) == nil { throw InvoiceError.unknownZone(zone) }
        try db.execute(sql: "UPDATE customers SET currency = ? WHERE id = ?", arguments: [profile.currency, customerID])
        guard db.changesCount == 1 else { throw InvoiceError.unknownCustomer(String(customerID)) }
        try db.execute(sql: """
            INSERT INTO billing_profiles (customer_id, due_days, zone, line_grouping) VALUES (?, ?, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE SET due_days = excluded.due_days, zone = excluded.zone,
                line_grouping = excluded.line_grouping
            """, arguments: [customerID, profile.dueDays, profile.zone, profile.lineGrouping.rawValue])
        try db.execute(sql: "DELETE FROM billing_taxes WHERE customer_id = ?", arguments: [customerID])
        for (position, tax) in profile.taxes.enumerated() {
            try db.execute(sql: """
                INSERT INTO billing_taxes (customer_id, position, name, rate_millionths) VALUES (?, ?, ?, ?)
                """, arguments: [customerID, position, tax.name, tax.rateMillionths])
        }
    }

    // MARK: Drafts

    static func createDraft(customerID: Int64, period: Period, at now: Int64, in db: Database) throws -> Invoice {
        guard let profile = try profile(customerID: customerID, in: db) else {
            throw InvoiceError.unknownCustomer(String(customerID))
        }
        if let existing = try Row.fetchOne(db, sql: """
            SELECT id, number FROM invoices
            WHERE customer_id = ? AND status <> 'void' AND period_from < ? AND ? < period_to
            ORDER BY period_from LIMIT 1
            """, arguments: [customerID, period.to, period.from]) {
            let number: String? = existing[1]
            throw InvoiceError.overlaps(existing: number ?? "draft \(existing[0] as Int64)", period: period)
        }
        try db.execute(sql: """
            INSERT INTO invoices (customer_id, period_from, period_to, zone, status, created_at, currency, line_grouping)
            VALUES (?, ?, ?, ?, 'draft', ?, ?, ?)
            """, arguments: [customerID, period.from, period.to, profile.zone, now, profile.currency,
                             profile.lineGrouping.rawValue])
        let id = db.lastInsertedRowID
        let count = try compose(invoiceID: id, in: db)
        if count == 0 {
            let name = try String.fetchOne(db, sql: "SELECT name FROM customers WHERE id = ?", arguments: [customerID])
            throw InvoiceError.noTraffic(customer: name ?? String(customerID), period: period)
        }
        return try invoice(id: id, in: db)!
    }

    /// The ranges a draft takes CDRs from: its period, and the periods of the customer's earlier invoices that are
    /// not void (for CDRs that arrived after those were made).
    static func ranges(invoiceID: Int64, customerID: Int64, period: Period, in db: Database) throws -> [Period] {
        var ranges = [period]
        for row in try Row.fetchAll(db, sql: """
            SELECT period_from, period_to FROM invoices
            WHERE customer_id = ? AND id <> ? AND status <> 'void' AND period_to <= ? ORDER BY period_from
            """, arguments: [customerID, invoiceID, period.from]) {
            if let range = Period(from: row[0], to: row[1]) { ranges.append(range) }
        }
        return ranges
    }

    /// (Re)makes a draft's CDRs, lines and totals from the CDRs as they are now; returns how many CDRs it has.
    @discardableResult
    static func compose(invoiceID: Int64, in db: Database) throws -> Int {
        guard let header = try Row.fetchOne(db, sql: """
            SELECT i.customer_id, i.period_from, i.period_to, c.rate_card_id FROM invoices i
            JOIN customers c ON c.id = i.customer_id WHERE i.id = ? AND i.status = 'draft'
            """, arguments: [invoiceID]) else { throw InvoiceError.unknownInvoice(invoiceID) }
        let customerID: Int64 = header[0]
        let period = Period(from: header[1], to: header[2])!
        let cardID: Int64? = header[3]
        guard let profile = try profile(customerID: customerID, in: db) else {
            throw InvoiceError.unknownCustomer(String(customerID))
        }
        try db.execute(sql: "DELETE FROM invoice_lines WHERE invoice_id = ?", arguments: [invoiceID])
        try db.execute(sql: "DELETE FROM invoice_cdrs WHERE invoice_id = ?", arguments: [invoiceID])
        var cdrs: [BillableCDR] = []
        for range in try ranges(invoiceID: invoiceID, customerID: customerID, period: period, in: db) {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.start_at, c.billsec, c.dst, c.sell_micros FROM cdrs c
                WHERE c.start_at >= ? AND c.start_at < ? AND c.customer_id = ? AND c.billsec > 0
                    AND c.sell_micros IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM invoice_cdrs m JOIN invoices i ON i.id = m.invoice_id
                                    WHERE m.cdr_id = c.id AND i.status <> 'void')
                ORDER BY c.start_at, c.id
                """, arguments: [range.from, range.to, customerID])
            while let row = try rows.next() {
                cdrs.append(BillableCDR(id: row[0], startAt: row[1], billsec: row[2], dst: row[3],
                                        charge: Money(micros: row[4])))
            }
        }
        let table = try cardID.flatMap { try rateTable(cardID: $0, in: db) }
        let zone = profile.zone.flatMap(TimeZone.init(identifier:)) ?? .utc
        let composition = InvoiceComposition(cdrs: cdrs, rates: table, grouping: profile.lineGrouping, zone: zone,
                                              taxes: profile.taxes, currency: profile.currency)
        let member = try db.makeStatement(sql: "INSERT INTO invoice_cdrs (invoice_id, cdr_id) VALUES (?, ?)")
        for cdr in cdrs { try member.execute(arguments: [invoiceID, cdr.id]) }
        let line = try db.makeStatement(sql: """
            INSERT INTO invoice_lines (invoice_id, position, kind, description, prefix, day, calls, billed_seconds, rate,
                amount_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, item) in composition.lines.enumerated() {
            try line.execute(arguments: [invoiceID, position, item.kind.rawValue, item.description, item.prefix,
                                         item.day, item.calls, item.billedSeconds, item.rate, item.amount.micros])
        }
        try db.execute(sql: """
            UPDATE invoices SET zone = ?, currency = ?, line_grouping = ?, subtotal_micros = ?, tax_micros = ?,
                rounding_micros = ?, total_micros = ?
            WHERE id = ?
            """, arguments: [profile.zone, profile.currency, profile.lineGrouping.rawValue,
                             composition.subtotal.micros, composition.tax.micros, composition.rounding.micros,
                             composition.total.micros, invoiceID])
        return cdrs.count
    }

    static func rateTable(cardID: Int64, in db: Database) throws -> RateTable {
        RateTable(try Row.fetchAll(db, sql: """
            SELECT prefix, description, rate_micros_per_minute, initial_seconds, increment_seconds, minimum_micros,
                connection_fee_micros
            FROM rates WHERE rate_card_id = ?
            """, arguments: [cardID]).map {
            Rate(prefix: $0[0], description: $0[1], perMinute: Money(micros: $0[2]), initialSeconds: $0[3],
                 incrementSeconds: $0[4], minimum: Money(micros: $0[5]), connectionFee: Money(micros: $0[6]))
        })
    }

    // MARK: Issue, pay, void

    static func issue(id: Int64, at now: Int64, numbering: InvoiceNumbering = .global, in db: Database) throws -> Invoice {
        guard let current = try invoice(id: id, in: db) else { throw InvoiceError.unknownInvoice(id) }
        guard current.status == .draft else {
            throw InvoiceError.wrongStatus(reference: current.reference, status: current.statusText, action: "issued")
        }
        try compose(invoiceID: id, in: db)
        // Unrated answered calls the invoice would cover, in any of its ranges.
        var unrated = 0
        var destinations: [String] = []
        for range in try ranges(invoiceID: id, customerID: current.customerID, period: current.period, in: db) {
            for row in try Row.fetchAll(db, sql: """
                SELECT dst, COUNT(*) FROM cdrs
                WHERE start_at >= ? AND start_at < ? AND customer_id = ? AND billsec > 0 AND sell_micros IS NULL
                GROUP BY dst ORDER BY COUNT(*) DESC, dst
                """, arguments: [range.from, range.to, current.customerID]) {
                unrated += row[1] as Int
                if destinations.count < unratedShown { destinations.append(row[0]) }
            }
        }
        if unrated > 0 { throw InvoiceError.unrated(count: unrated, destinations: destinations) }
        let dueDays = try profile(customerID: current.customerID, in: db)?.dueDays ?? BillingProfile.defaultDueDays
        let series = try self.series(for: numbering, customerID: current.customerID, in: db)
        try db.execute(sql: "UPDATE invoice_series SET last_number = last_number + 1 WHERE name = ?", arguments: [series])
        guard let row = try Row.fetchOne(db, sql: "SELECT prefix, last_number FROM invoice_series WHERE name = ?",
                                         arguments: [series]) else { throw InvoiceError.unknownInvoice(id) }
        let sequence: Int64 = row[1]
        let number = (row[0] as String) + pad(sequence)
        try db.execute(sql: """
            UPDATE invoices SET status = 'issued', series = ?, sequence = ?, number = ?, issued_at = ?, due_at = ?
            WHERE id = ?
            """, arguments: [series, sequence, number, now, now + Int64(dueDays) * secondsPerDay, id])
        return try invoice(id: id, in: db)!
    }

    /// The series' name for `numbering`; a customer's own series ("customer-7", prefix "INV-ACME-") is made on its
    /// first use, and from then on moves only by the same gap-free trigger as the global one.
    static func series(for numbering: InvoiceNumbering, customerID: Int64, in db: Database) throws -> String {
        switch numbering {
        case .global: return series
        case .perCustomer:
            let name = "customer-\(customerID)"
            let code: String = try String.fetchOne(
                db, sql: "SELECT account_code FROM customers WHERE id = ?", arguments: [customerID]) ?? ""
            let prefix = "INV-" + InvoiceNumbering.prefixCode(accountCode: code, customerID: customerID) + "-"
            try db.execute(sql: "INSERT OR IGNORE INTO invoice_series (name, prefix) VALUES (?, ?)",
                           arguments: [name, prefix])
            return name
        }
    }

    /// "000042": six digits at least, so numbers sort as text too.
    static func pad(_ number: Int64) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 6 - text.count)) + text
    }

    static func pay(id: Int64, amount: Money, paidAt: Int64, at now: Int64, in db: Database) throws -> Invoice {
        guard let current = try invoice(id: id, in: db) else { throw InvoiceError.unknownInvoice(id) }
        guard current.status == .issued else {
            throw InvoiceError.wrongStatus(reference: current.reference, status: current.statusText, action: "paid")
        }
        guard amount.micros > 0 else { throw InvoiceError.invalidAmount(amount.formatted(decimals: 6)) }
        guard amount <= current.left else {
            throw InvoiceError.overpayment(reference: current.reference, left: current.left, currency: current.currency)
        }
        try db.execute(sql: "INSERT INTO payments (invoice_id, amount_micros, paid_at, recorded_at) VALUES (?, ?, ?, ?)",
                       arguments: [id, amount.micros, paidAt, now])
        if amount == current.left {
            try db.execute(sql: "UPDATE invoices SET status = 'paid', paid_at = ? WHERE id = ?", arguments: [paidAt, id])
        }
        return try invoice(id: id, in: db)!
    }

    static func void(id: Int64, at now: Int64, in db: Database) throws -> Invoice {
        guard let current = try invoice(id: id, in: db) else { throw InvoiceError.unknownInvoice(id) }
        guard current.status == .draft || current.status == .issued else {
            throw InvoiceError.wrongStatus(reference: current.reference, status: current.statusText, action: "voided")
        }
        try db.execute(sql: "UPDATE invoices SET status = 'void', voided_at = ? WHERE id = ?", arguments: [now, id])
        return try invoice(id: id, in: db)!
    }

    // MARK: Reads

    static let headerColumns = """
        i.id, i.customer_id, c.name, c.account_code, i.period_from, i.period_to, i.zone, i.status, i.number,
        i.created_at, i.issued_at, i.due_at, i.paid_at, i.voided_at, i.currency, i.line_grouping, i.subtotal_micros,
        i.tax_micros, i.rounding_micros, i.total_micros,
        (SELECT COUNT(*) FROM invoice_cdrs m WHERE m.invoice_id = i.id)
        """

    static func invoice(id: Int64, in db: Database) throws -> Invoice? {
        try Row.fetchOne(db, sql: "SELECT \(headerColumns) FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = ?",
                         arguments: [id]).map { try complete(header($0), in: db) }
    }

    static func invoices(_ filter: InvoiceFilter, in db: Database) throws -> [Invoice] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let status = filter.status {
            conditions.append("i.status = ?")
            arguments.append(status.rawValue)
        }
        if let customer = filter.customerID {
            conditions.append("i.customer_id = ?")
            arguments.append(customer)
        }
        if let period = filter.overlapping {
            conditions.append("i.period_from < ? AND ? < i.period_to")
            arguments += [period.to, period.from]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limit = filter.limit.map { " LIMIT \(max(0, $0))" } ?? ""
        return try Row.fetchAll(db, sql: """
            SELECT \(headerColumns) FROM invoices i JOIN customers c ON c.id = i.customer_id \(whereClause)
            ORDER BY i.id DESC\(limit)
            """, arguments: StatementArguments(arguments)).map { try complete(header($0), in: db) }
    }

    static func header(_ row: Row) -> Invoice {
        Invoice(id: row[0], customerID: row[1], customerName: row[2], accountCode: row[3],
                period: Period(from: row[4], to: row[5])!, zone: row[6],
                status: InvoiceStatus(rawValue: row[7]) ?? .draft, number: row[8], createdAt: row[9], issuedAt: row[10],
                dueAt: row[11], paidAt: row[12], voidedAt: row[13], currency: row[14],
                lineGrouping: InvoiceLineGrouping(rawValue: row[15]) ?? .destination,
                subtotal: Money(micros: row[16]), tax: Money(micros: row[17]), rounding: Money(micros: row[18]),
                total: Money(micros: row[19]), lines: [], payments: [], cdrCount: row[20])
    }

    static func complete(_ invoice: Invoice, in db: Database) throws -> Invoice {
        var invoice = invoice
        invoice.lines = try Row.fetchAll(db, sql: """
            SELECT kind, description, prefix, day, calls, billed_seconds, rate, amount_micros FROM invoice_lines
            WHERE invoice_id = ? ORDER BY position
            """, arguments: [invoice.id]).map {
            InvoiceLine(kind: InvoiceLine.Kind(rawValue: $0[0]) ?? .usage, description: $0[1], prefix: $0[2],
                        day: $0[3], calls: $0[4], billedSeconds: $0[5], rate: $0[6], amount: Money(micros: $0[7]))
        }
        invoice.payments = try Row.fetchAll(db, sql: """
            SELECT id, invoice_id, amount_micros, paid_at, recorded_at FROM payments WHERE invoice_id = ? ORDER BY id
            """, arguments: [invoice.id]).map {
            Payment(id: $0[0], invoiceID: $0[1], amount: Money(micros: $0[2]), paidAt: $0[3], recordedAt: $0[4])
        }
        return invoice
    }

    static func cdrs(invoiceID: Int64, in db: Database) throws -> [InvoicedCDR] {
        try Row.fetchAll(db, sql: """
            SELECT c.id, c.start_at, c.answer_at, c.end_at, c.billsec, c.src, c.dst, c.caller_name, c.sell_micros
            FROM invoice_cdrs m JOIN cdrs c ON c.id = m.cdr_id WHERE m.invoice_id = ? ORDER BY c.start_at, c.id
            """, arguments: [invoiceID]).map {
            InvoicedCDR(id: $0[0], startAt: $0[1], answerAt: $0[2], endAt: $0[3], billsec: $0[4], src: $0[5],
                        dst: $0[6], callerName: $0[7], charge: Money(micros: $0[8] ?? 0))
        }
    }

    static func summary(period: Period, top: Int, in db: Database) throws -> InvoiceSummary {
        let drafts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoices WHERE status = 'draft'") ?? 0
        let unpaid = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), COALESCE(SUM(i.total_micros - (SELECT COALESCE(SUM(p.amount_micros), 0) FROM payments p
                                                            WHERE p.invoice_id = i.id)), 0),
                COUNT(DISTINCT i.currency), MIN(i.currency)
            FROM invoices i WHERE i.status = 'issued'
            """)!
        let customers = try Row.fetchAll(db, sql: """
            SELECT i.customer_id, c.name, SUM(i.total_micros), COUNT(DISTINCT i.currency), MIN(i.currency)
            FROM invoices i JOIN customers c ON c.id = i.customer_id
            WHERE i.status IN ('issued', 'paid') AND i.period_from >= ? AND i.period_from < ?
            GROUP BY i.customer_id ORDER BY 3 DESC, c.name, i.customer_id LIMIT ?
            """, arguments: [period.from, period.to, max(0, top)]).map {
            InvoiceSummary.CustomerTotal(customerID: $0[0], name: $0[1], total: Money(micros: $0[2]),
                                         currency: ($0[3] as Int) == 1 ? $0[4] : nil)
        }
        return InvoiceSummary(drafts: drafts, unpaid: unpaid[0], unpaidValue: Money(micros: unpaid[1]),
                              unpaidCurrency: (unpaid[2] as Int) == 1 ? unpaid[3] : nil, topCustomers: customers)
    }
}

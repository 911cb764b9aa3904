import Foundation
import Metrics
import PostgresNIO

/// The invoices on the servers: headers, lines, payments, series and which CDRs each invoice holds on PostgreSQL;
/// the CDRs themselves read from ClickHouse (`FINAL`) by their key (start, row key, row check). Each call is one
/// PostgreSQL transaction, and keeps what SQLite's triggers keep: an issued invoice, its lines and its CDRs never
/// change, a CDR is on at most one invoice that is not void (a partial unique index), series move by one
/// (`UPDATE … RETURNING` locks the series row), and the balance moves with issue, payment and void.
extension ServerStore {
    static let defaultSeries = "default"
    /// The unrated destinations an error names.
    static let unratedShown = 10

    // MARK: Profiles

    public func setBillingProfile(_ profile: BillingProfile, customerID: Int64) throws {
        if let zone = profile.zone, TimeZone(identifier: zone) == nil { throw InvoiceError.unknownZone(zone) }
        try transaction {
            guard !(try postgres.execute("UPDATE customers SET currency = $2 WHERE id = $1 RETURNING id",
                                         [PostgresData(int64: customerID), PostgresData(string: profile.currency)])).isEmpty
            else { throw InvoiceError.unknownCustomer(String(customerID)) }
            try postgres.execute("""
                INSERT INTO billing_profiles (customer_id, due_days, zone, line_grouping) VALUES ($1, $2, $3, $4)
                ON CONFLICT (customer_id) DO UPDATE SET due_days = excluded.due_days, zone = excluded.zone,
                    line_grouping = excluded.line_grouping
                """, [PostgresData(int64: customerID), .int(profile.dueDays), .optional(profile.zone),
                      PostgresData(string: profile.lineGrouping.rawValue)])
            try postgres.execute("DELETE FROM billing_taxes WHERE customer_id = $1", [PostgresData(int64: customerID)])
            for (position, tax) in profile.taxes.enumerated() {
                try postgres.execute("""
                    INSERT INTO billing_taxes (customer_id, position, name, rate_millionths) VALUES ($1, $2, $3, $4)
                    """, [PostgresData(int64: customerID), .int(position), PostgresData(string: tax.name),
                          PostgresData(int64: tax.rateMillionths)])
            }
        }
    }

    func billingProfile(customerID: Int64) throws -> BillingProfile? {
        guard let currency = try postgres.execute("SELECT currency FROM customers WHERE id = $1",
                                                  [PostgresData(int64: customerID)]).first.map({ try $0.text(0) })
        else { return nil }
        var profile = BillingProfile(currency: currency)
        if let row = try postgres.execute(
            "SELECT due_days, zone, line_grouping FROM billing_profiles WHERE customer_id = $1",
            [PostgresData(int64: customerID)]).first {
            profile.dueDays = Int(try row.int(0))
            profile.zone = try row.optionalText(1)
            profile.lineGrouping = InvoiceLineGrouping(rawValue: try row.text(2)) ?? .destination
        }
        profile.taxes = try postgres.execute(
            "SELECT name, rate_millionths FROM billing_taxes WHERE customer_id = $1 ORDER BY position",
            [PostgresData(int64: customerID)]).map { TaxRate(name: try $0.text(0), rateMillionths: try $0.int(1)) }
        return profile
    }

    // MARK: Drafts

    public func createDraft(customerID: Int64, period: Period, at now: Int64) throws -> Invoice {
        try transaction {
            guard let profile = try billingProfile(customerID: customerID) else {
                throw InvoiceError.unknownCustomer(String(customerID))
            }
            // The customer's row locked: two drafts of one customer are made one after the other.
            try postgres.execute("SELECT 1 FROM customers WHERE id = $1 FOR UPDATE", [PostgresData(int64: customerID)])
            if let existing = try postgres.execute("""
                SELECT id, number FROM invoices
                WHERE customer_id = $1 AND status <> 'void' AND period_from < $2 AND $3 < period_to
                ORDER BY period_from LIMIT 1
                """, [PostgresData(int64: customerID), PostgresData(int64: period.to), PostgresData(int64: period.from)]
            ).first {
                let number = try existing.optionalText(1), existingID = try existing.int(0)
                throw InvoiceError.overlaps(existing: number ?? "draft \(existingID)", period: period)
            }
            let id = try postgres.execute("""
                INSERT INTO invoices (customer_id, period_from, period_to, zone, status, created_at, currency,
                    line_grouping)
                VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7) RETURNING id
                """, [PostgresData(int64: customerID), PostgresData(int64: period.from), PostgresData(int64: period.to),
                      .optional(profile.zone), PostgresData(int64: now), PostgresData(string: profile.currency),
                      PostgresData(string: profile.lineGrouping.rawValue)])[0].int(0)
            if try compose(invoiceID: id) == 0 {
                let name = try postgres.execute("SELECT name FROM customers WHERE id = $1",
                                                [PostgresData(int64: customerID)]).first.map { try $0.text(0) }
                throw InvoiceError.noTraffic(customer: name ?? String(customerID), period: period)
            }
            return try invoiceRecord(id: id)!
        }
    }

    /// The ranges a draft takes CDRs from: its period, and the periods of the customer's earlier invoices that are
    /// not void (for CDRs that arrived after those were made).
    private func ranges(invoiceID: Int64, customerID: Int64, period: Period) throws -> [Period] {
        var ranges = [period]
        for row in try postgres.execute("""
            SELECT period_from, period_to FROM invoices
            WHERE customer_id = $1 AND id <> $2 AND status <> 'void' AND period_to <= $3 ORDER BY period_from
            """, [PostgresData(int64: customerID), PostgresData(int64: invoiceID), PostgresData(int64: period.from)]) {
            if let range = Period(from: try row.int(0), to: try row.int(1)) { ranges.append(range) }
        }
        return ranges
    }

    /// The ClickHouse condition of a customer's CDRs starting in any of `ranges`.
    private static func condition(customerID: Int64, ranges: [Period]) -> String {
        let spans = ranges.map { "(start_at >= \($0.from) AND start_at < \($0.to))" }.joined(separator: " OR ")
        return "customer_id = \(customerID) AND (\(spans))"
    }

    /// (Re)makes a draft's CDRs, lines and totals from the CDRs as they are now; returns how many CDRs it has.
    @discardableResult
    private func compose(invoiceID: Int64) throws -> Int {
        guard let header = try postgres.execute("""
            SELECT i.customer_id, i.period_from, i.period_to, c.rate_card_id FROM invoices i
            JOIN customers c ON c.id = i.customer_id WHERE i.id = $1 AND i.status = 'draft' FOR UPDATE OF i
            """, [PostgresData(int64: invoiceID)]).first else { throw InvoiceError.unknownInvoice(invoiceID) }
        let customerID = try header.int(0)
        let period = Period(from: try header.int(1), to: try header.int(2))!
        let cardID = try header.optionalInt(3)
        guard let profile = try billingProfile(customerID: customerID) else {
            throw InvoiceError.unknownCustomer(String(customerID))
        }
        try postgres.execute("DELETE FROM invoice_lines WHERE invoice_id = $1", [PostgresData(int64: invoiceID)])
        try postgres.execute("DELETE FROM invoice_cdrs WHERE invoice_id = $1", [PostgresData(int64: invoiceID)])
        let ranges = try ranges(invoiceID: invoiceID, customerID: customerID, period: period)
        // CDRs already on an invoice of the customer that is not void, over the span of the ranges (a CDR's
        // customer never changes, so no other customer's invoice can hold one of these).
        let low = ranges.map(\.from).min()!, high = ranges.map(\.to).max()!
        let taken = try cdrKeys(where: """
            active AND start_at >= $1 AND start_at < $2 AND invoice_id IN (SELECT id FROM invoices WHERE customer_id = $3)
            """, [PostgresData(int64: low), PostgresData(int64: high), PostgresData(int64: customerID)])
        var keys: [ServerWriteSession.CDRKey] = []
        var cdrs: [BillableCDR] = []
        for row in try clickhouse[0].rows("""
            SELECT start_at, row_key, row_check, billed_seconds, dst, sell_micros FROM \(cdrTable) FINAL
            WHERE \(Self.condition(customerID: customerID, ranges: ranges)) AND billed_seconds > 0 AND unrated_sell = 0
            ORDER BY start_at, row_key, row_check
            """) where row.count == 6 {
            guard let start = Int64(row[0]), let key = Int64(row[1]), let check = Int64(row[2]),
                  let billsec = Int(row[3]), let sell = Int64(row[5]) else {
                throw ServerStoreError.refused(server: clickhouse[0].server, answer: "unexpected CDR row \(row)")
            }
            let cdrKey = ServerWriteSession.CDRKey(start: start, key: key, check: check)
            guard !taken.contains(cdrKey) else { continue }
            keys.append(cdrKey)
            cdrs.append(BillableCDR(id: key, startAt: start, billsec: billsec, dst: ClickHouseText.unescaped(row[4]),
                                    charge: Money(micros: sell)))
        }
        // The subtotal must fit in 64 bits: refused here, rather than trapping in the composition's arithmetic.
        var subtotal: Int64 = 0
        for cdr in cdrs {
            let (sum, overflow) = subtotal.addingReportingOverflow(cdr.charge.micros)
            if overflow { throw ServerStoreError.overflow(server: clickhouse[0].server, what: "the invoice's subtotal") }
            subtotal = sum
        }
        let table = try cardID.map { try rateTable(card: $0) }
        let zone = profile.zone.flatMap(TimeZone.init(identifier:)) ?? .utc
        let composition = InvoiceComposition(cdrs: cdrs, rates: table, grouping: profile.lineGrouping, zone: zone,
                                              taxes: profile.taxes, currency: profile.currency)
        if !keys.isEmpty {
            try postgres.execute("""
                INSERT INTO invoice_cdrs (invoice_id, start_at, row_key, row_check)
                SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::bigint[])
                """, [PostgresData(int64: invoiceID), .ints(keys.map(\.start)), .ints(keys.map(\.key)),
                      .ints(keys.map(\.check))])
        }
        for (position, item) in composition.lines.enumerated() {
            try postgres.execute("""
                INSERT INTO invoice_lines (invoice_id, position, kind, description, prefix, day, calls,
                    billed_seconds, rate, amount_micros)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """, [PostgresData(int64: invoiceID), .int(position), PostgresData(string: item.kind.rawValue),
                      PostgresData(string: item.description), .optional(item.prefix), .optional(item.day),
                      .int(item.calls), PostgresData(int64: item.billedSeconds), .optional(item.rate),
                      PostgresData(int64: item.amount.micros)])
        }
        try postgres.execute("""
            UPDATE invoices SET zone = $2, currency = $3, line_grouping = $4, subtotal_micros = $5, tax_micros = $6,
                rounding_micros = $7, total_micros = $8
            WHERE id = $1
            """, [PostgresData(int64: invoiceID), .optional(profile.zone), PostgresData(string: profile.currency),
                  PostgresData(string: profile.lineGrouping.rawValue), PostgresData(int64: composition.subtotal.micros),
                  PostgresData(int64: composition.tax.micros), PostgresData(int64: composition.rounding.micros),
                  PostgresData(int64: composition.total.micros)])
        return cdrs.count
    }

    /// The CDR keys of the `invoice_cdrs` rows `condition` selects, sent as one text (a row per key costs a
    /// decoded row each: seconds for an invoice of 100,000 CDRs).
    private func cdrKeys(where condition: String, _ binds: [PostgresData]) throws -> Set<ServerWriteSession.CDRKey> {
        let text = try postgres.execute("""
            SELECT coalesce(string_agg(start_at || ',' || row_key || ',' || row_check, ' '), '') FROM invoice_cdrs
            WHERE \(condition)
            """, binds)[0].text(0)
        var keys = Set<ServerWriteSession.CDRKey>()
        for item in text.split(separator: " ") {
            let parts = item.split(separator: ",")
            guard parts.count == 3, let start = Int64(parts[0]), let key = Int64(parts[1]), let check = Int64(parts[2])
            else { throw ServerStoreError.refused(server: postgres.server, answer: "unexpected CDR key \(item)") }
            keys.insert(ServerWriteSession.CDRKey(start: start, key: key, check: check))
        }
        return keys
    }

    // MARK: Issue, pay, void

    public func issueInvoice(id: Int64, at now: Int64, numbering: InvoiceNumbering) throws -> Invoice {
        try transaction {
            guard let current = try invoiceRecord(id: id, locked: true) else { throw InvoiceError.unknownInvoice(id) }
            guard current.status == .draft else {
                throw InvoiceError.wrongStatus(reference: current.reference, status: current.statusText,
                                               action: "issued")
            }
            try compose(invoiceID: id)
            // Unrated answered calls the invoice would cover, in any of its ranges.
            let ranges = try ranges(invoiceID: id, customerID: current.customerID, period: current.period)
            var unrated = 0
            var destinations: [String] = []
            for row in try clickhouse[0].rows("""
                SELECT dst, count() AS n FROM \(cdrTable) FINAL
                WHERE \(Self.condition(customerID: current.customerID, ranges: ranges)) AND billed_seconds > 0
                    AND unrated_sell = 1
                GROUP BY dst ORDER BY n DESC, dst
                """) where row.count == 2 {
                unrated += Int(row[1]) ?? 0
                if destinations.count < Self.unratedShown { destinations.append(ClickHouseText.unescaped(row[0])) }
            }
            if unrated > 0 { throw InvoiceError.unrated(count: unrated, destinations: destinations) }
            let dueDays = try billingProfile(customerID: current.customerID)?.dueDays ?? BillingProfile.defaultDueDays
            let series = try self.series(for: numbering, customerID: current.customerID)
            guard let row = try postgres.execute("""
                UPDATE invoice_series SET last_number = last_number + 1 WHERE name = $1 RETURNING prefix, last_number
                """, [PostgresData(string: series)]).first else { throw InvoiceError.unknownInvoice(id) }
            let sequence = try row.int(1)
            let number = try row.text(0) + Self.pad(sequence)
            let total = try postgres.execute("""
                UPDATE invoices SET status = 'issued', series = $2, sequence = $3, number = $4, issued_at = $5, due_at = $6
                WHERE id = $1 RETURNING total_micros
                """, [PostgresData(int64: id), PostgresData(string: series), PostgresData(int64: sequence),
                      PostgresData(string: number), PostgresData(int64: now),
                      PostgresData(int64: now + Int64(dueDays) * 86_400)])[0].int(0)
            try moveBalance(customerID: current.customerID, by: -total)
            return try invoiceRecord(id: id)!
        }
    }

    /// The series' name for `numbering`; a customer's own series ("customer-7", prefix "INV-ACME-") is made on its
    /// first use.
    private func series(for numbering: InvoiceNumbering, customerID: Int64) throws -> String {
        switch numbering {
        case .global: return Self.defaultSeries
        case .perCustomer:
            let name = "customer-\(customerID)"
            let code = try postgres.execute("SELECT account_code FROM customers WHERE id = $1",
                                            [PostgresData(int64: customerID)]).first.map { try $0.text(0) } ?? ""
            let prefix = "INV-" + InvoiceNumbering.prefixCode(accountCode: code, customerID: customerID) + "-"
            try postgres.execute("INSERT INTO invoice_series (name, prefix) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                                 [PostgresData(string: name), PostgresData(string: prefix)])
            return name
        }
    }

    /// "000042": six digits at least, so numbers sort as text too.
    private static func pad(_ number: Int64) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 6 - text.count)) + text
    }

    /// What SQLite's balance triggers do: PostgreSQL refuses a balance leaving 64 bits ("bigint out of range").
    private func moveBalance(customerID: Int64, by micros: Int64) throws {
        try postgres.execute("UPDATE customers SET balance_micros = balance_micros + $2 WHERE id = $1",
                             [PostgresData(int64: customerID), PostgresData(int64: micros)])
    }

    public func recordPayment(invoiceID: Int64, amount: Money, paidAt: Int64, at now: Int64) throws -> Invoice {
        try transaction {
            guard let current = try invoiceRecord(id: invoiceID, locked: true) else {
                throw InvoiceError.unknownInvoice(invoiceID)
            }
            guard current.status == .issued else {
                throw InvoiceError.wrongStatus(reference: current.reference, status: current.statusText, action: "paid")
            }
            guard amount.micros > 0 else { throw InvoiceError.invalidAmount(amount.formatted(decimals: 6)) }
            guard amount <= current.left else {
                throw InvoiceError.overpayment(reference: current.reference, left: current.left,
                                               currency: current.currency)
            }
            try postgres.execute("""
                INSERT INTO payments (invoice_id, amount_micros, paid_at, recorded_at) VALUES ($1, $2, $3, $4)
                """, [PostgresData(int64: invoiceID), PostgresData(int64: amount.micros), PostgresData(int64: paidAt),
                      PostgresData(int64: now)])
            try moveBalance(customerID: current.customerID, by: amount.micros)
            if amount == current.left {
                try postgres.execute("UPDATE invoices SET status = 'paid', paid_at = $2 WHERE id = $1",
                                     [PostgresData(int64: invoiceID), PostgresData(int64: paidAt)])
            }
            return try invoiceRecord(id: invoiceID)!
        }
    }

    public func voidInvoice(id: Int64, at now: Int64) throws -> Invoice {
        try transaction {
            guard let current = try invoiceRecord(id: id, locked: true) else { throw InvoiceError.unknownInvoice(id) }
            guard current.status == .draft || current.status == .issued else {
                throw InvoiceError.wrongStatus(reference: current.reference, status: current.statusText,
                                               action: "voided")
            }
            try postgres.execute("UPDATE invoices SET status = 'void', voided_at = $2 WHERE id = $1",
                                 [PostgresData(int64: id), PostgresData(int64: now)])
            // Its CDRs are free for a new invoice; the rows stay, as the record of what it held.
            try postgres.execute("UPDATE invoice_cdrs SET active = false WHERE invoice_id = $1", [PostgresData(int64: id)])
            if current.status == .issued { try moveBalance(customerID: current.customerID, by: current.total.micros) }
            return try invoiceRecord(id: id)!
        }
    }

    // MARK: Reads

    private static let headerColumns = """
        i.id, i.customer_id, c.name, c.account_code, i.period_from, i.period_to, i.zone, i.status, i.number,
        i.created_at, i.issued_at, i.due_at, i.paid_at, i.voided_at, i.currency, i.line_grouping, i.subtotal_micros,
        i.tax_micros, i.rounding_micros, i.total_micros,
        (SELECT count(*) FROM invoice_cdrs m WHERE m.invoice_id = i.id)
        """

    /// One invoice whole; `locked` takes its row for the rest of the transaction.
    func invoiceRecord(id: Int64, locked: Bool = false) throws -> Invoice? {
        try postgres.execute("""
            SELECT \(Self.headerColumns) FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = $1
            \(locked ? "FOR UPDATE OF i" : "")
            """, [PostgresData(int64: id)]).first.map { try complete(Self.header($0)) }
    }

    func invoiceRecords(_ filter: InvoiceFilter) throws -> [Invoice] {
        var conditions: [String] = []
        var binds: [PostgresData] = []
        if let status = filter.status {
            binds.append(PostgresData(string: status.rawValue))
            conditions.append("i.status = $\(binds.count)")
        }
        if let customer = filter.customerID {
            binds.append(PostgresData(int64: customer))
            conditions.append("i.customer_id = $\(binds.count)")
        }
        if let period = filter.overlapping {
            binds += [PostgresData(int64: period.to), PostgresData(int64: period.from)]
            conditions.append("i.period_from < $\(binds.count - 1) AND $\(binds.count) < i.period_to")
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limit = filter.limit.map { " LIMIT \(max(0, $0))" } ?? ""
        return try postgres.execute("""
            SELECT \(Self.headerColumns) FROM invoices i JOIN customers c ON c.id = i.customer_id \(whereClause)
            ORDER BY i.id DESC\(limit)
            """, binds).map { try complete(Self.header($0)) }
    }

    private static func header(_ row: PostgresRow) throws -> Invoice {
        Invoice(id: try row.int(0), customerID: try row.int(1), customerName: try row.text(2),
                accountCode: try row.text(3), period: Period(from: try row.int(4), to: try row.int(5))!,
                zone: try row.optionalText(6), status: InvoiceStatus(rawValue: try row.text(7)) ?? .draft,
                number: try row.optionalText(8), createdAt: try row.int(9), issuedAt: try row.optionalInt(10),
                dueAt: try row.optionalInt(11), paidAt: try row.optionalInt(12), voidedAt: try row.optionalInt(13),
                currency: try row.text(14),
                lineGrouping: InvoiceLineGrouping(rawValue: try row.text(15)) ?? .destination,
                subtotal: Money(micros: try row.int(16)), tax: Money(micros: try row.int(17)),
                rounding: Money(micros: try row.int(18)), total: Money(micros: try row.int(19)), lines: [],
                payments: [], cdrCount: Int(try row.int(20)))
    }

    private func complete(_ invoice: Invoice) throws -> Invoice {
        var invoice = invoice
        invoice.lines = try postgres.execute("""
            SELECT kind, description, prefix, day, calls, billed_seconds, rate, amount_micros FROM invoice_lines
            WHERE invoice_id = $1 ORDER BY position
            """, [PostgresData(int64: invoice.id)]).map {
            InvoiceLine(kind: InvoiceLine.Kind(rawValue: try $0.text(0)) ?? .usage, description: try $0.text(1),
                        prefix: try $0.optionalText(2), day: try $0.optionalInt(3), calls: Int(try $0.int(4)),
                        billedSeconds: try $0.int(5), rate: try $0.optionalInt(6), amount: Money(micros: try $0.int(7)))
        }
        invoice.payments = try postgres.execute("""
            SELECT id, invoice_id, amount_micros, paid_at, recorded_at FROM payments WHERE invoice_id = $1 ORDER BY id
            """, [PostgresData(int64: invoice.id)]).map {
            Payment(id: try $0.int(0), invoiceID: try $0.int(1), amount: Money(micros: try $0.int(2)),
                    paidAt: try $0.int(3), recordedAt: try $0.int(4))
        }
        return invoice
    }

    /// The CDRs behind an invoice, by start then key: its customer's answered CDRs over the span of the invoice's
    /// keys, read from ClickHouse in one query (`FINAL`) and kept when their key is the invoice's. Their id is the
    /// row key.
    func invoicedCDRRecords(invoiceID: Int64) throws -> [InvoicedCDR] {
        guard let customer = try postgres.execute("SELECT customer_id FROM invoices WHERE id = $1",
                                                  [PostgresData(int64: invoiceID)]).first.map({ try $0.int(0) })
        else { return [] }
        let keys = try cdrKeys(where: "invoice_id = $1", [PostgresData(int64: invoiceID)])
        guard let low = keys.map(\.start).min(), let high = keys.map(\.start).max() else { return [] }
        var result: [InvoicedCDR] = []
        result.reserveCapacity(keys.count)
        for row in try clickhouse[0].rows("""
            SELECT row_key, start_at, answer_at, end_at, billed_seconds, src, dst, sell_micros, row_check,
                \(ClickHouseSchema.callerNameColumn)
            FROM \(cdrTable) FINAL
            WHERE start_at >= \(low) AND start_at <= \(high) AND customer_id = \(customer) AND billed_seconds > 0
            ORDER BY start_at, row_key, row_check
            """) where row.count == 10 {
            guard let id = Int64(row[0]), let start = Int64(row[1]), let answer = Int64(row[2]),
                  let end = Int64(row[3]), let billsec = Int(row[4]), let sell = Int64(row[7]),
                  let check = Int64(row[8]) else {
                throw ServerStoreError.refused(server: clickhouse[0].server, answer: "unexpected CDR row \(row)")
            }
            guard keys.contains(ServerWriteSession.CDRKey(start: start, key: id, check: check)) else { continue }
            result.append(InvoicedCDR(id: id, startAt: start, answerAt: answer < 0 ? nil : answer, endAt: end,
                                      billsec: billsec, src: ClickHouseText.unescaped(row[5]),
                                      dst: ClickHouseText.unescaped(row[6]), callerName: ClickHouseText.unescaped(row[9]),
                                      charge: Money(micros: sell)))
        }
        return result
    }

    func invoiceSummaryRecord(period: Period, top: Int) throws -> InvoiceSummary {
        let drafts = try postgres.execute("SELECT count(*) FROM invoices WHERE status = 'draft'")[0].int(0)
        // Sums as bigint: PostgreSQL refuses one leaving 64 bits rather than wrapping. Text compared as bytes.
        let unpaid = try postgres.execute("""
            SELECT count(*), coalesce(sum(i.total_micros - (SELECT coalesce(sum(p.amount_micros), 0) FROM payments p
                                                             WHERE p.invoice_id = i.id)), 0)::bigint,
                count(DISTINCT i.currency), min(i.currency COLLATE "C")
            FROM invoices i WHERE i.status = 'issued'
            """)[0]
        let customers = try postgres.execute("""
            SELECT i.customer_id, c.name, sum(i.total_micros)::bigint AS total, count(DISTINCT i.currency),
                min(i.currency COLLATE "C")
            FROM invoices i JOIN customers c ON c.id = i.customer_id
            WHERE i.status IN ('issued', 'paid') AND i.period_from >= $1 AND i.period_from < $2
            GROUP BY i.customer_id, c.name ORDER BY total DESC, c.name COLLATE "C", i.customer_id LIMIT $3
            """, [PostgresData(int64: period.from), PostgresData(int64: period.to), .int(max(0, top))]).map {
            let currencies = try $0.int(3), currency = try $0.optionalText(4)
            return InvoiceSummary.CustomerTotal(customerID: try $0.int(0), name: try $0.text(1),
                                                total: Money(micros: try $0.int(2)),
                                                currency: currencies == 1 ? currency : nil)
        }
        let currencies = try unpaid.int(2), currency = try unpaid.optionalText(3)
        return InvoiceSummary(drafts: Int(drafts), unpaid: Int(try unpaid.int(0)),
                              unpaidValue: Money(micros: try unpaid.int(1)),
                              unpaidCurrency: currencies == 1 ? currency : nil, topCustomers: customers)
    }
}

/// One read session narrowed to one customer. Every requirement is answered from that customer's rows only: the
/// network total is the sum of their calls (the customer × carrier breakdown), carriers are those that carried
/// their calls (masked unless the scope shows names), the directory holds them alone, invoices are theirs. What
/// has no per-customer form (registration samples, CDR files, feeds, the billing dashboard) is empty or refused.
/// Answers use the same integers as the unscoped session, so the engine computes every figure unchanged.
struct ScopedReadSession: StoreReadSession {
    let base: any StoreReadSession
    let scope: CustomerScope

    init(_ base: any StoreReadSession, scope: CustomerScope) {
        self.base = base
        self.scope = scope
    }

    private var id: Int64 { scope.customerID }
    /// Their calls, by carrier: what every network and carrier figure is made of.
    private var theirs: FigureGrouping { .customerCarrier(customer: scope.customerID) }
}

// MARK: - Traffic

extension ScopedReadSession {
    func rollupCounts(
        _ level: TimeBucket, by grouping: FigureGrouping, buckets: Range<Int64>, counters: [Counter],
        _ visit: (_ bucket: Int64, _ group: Int64, _ counts: RollupCounts) -> Void
    ) throws {
        switch grouping {
        case .total:
            try theirCounts(level, buckets: buckets, counters: counters) { bucket, _, counts in visit(bucket, 0, counts) }
        case .carrier:
            try theirCounts(level, buckets: buckets, counters: counters, visit)
        case .customer:
            try theirCounts(level, buckets: buckets, counters: counters) { bucket, _, counts in
                visit(bucket, id, counts)
            }
        case .customerCarrier(let customer):
            guard customer == id, grouping.levels.contains(level) else { return }
            try base.rollupCounts(level, by: grouping, buckets: buckets, counters: counters, visit)
        case .did:
            return
        }
    }

    /// Their calls by carrier at `level`: the crossed hourly rollup, added up into days and months; minutes (which
    /// no per-customer rollup keeps) counted from their calls minute by minute.
    private func theirCounts(
        _ level: TimeBucket, buckets: Range<Int64>, counters: [Counter],
        _ visit: (_ bucket: Int64, _ carrier: Int64, _ counts: RollupCounts) -> Void
    ) throws {
        guard buckets.lowerBound < buckets.upperBound else { return }
        switch level {
        case .hour:
            try base.rollupCounts(.hour, by: theirs, buckets: buckets, counters: counters, visit)
        case .day, .month:
            // Every hour of every day or month that starts in `buckets`, the last one whole.
            let firstHour = TimeBucket.hour.start(of: buckets.lowerBound - 1) + 3_600
            let hours = firstHour..<level.next(after: buckets.upperBound - 1)
            try base.rollupCounts(.hour, by: theirs, buckets: hours, counters: counters) { hour, carrier, counts in
                let bucket = level.start(of: hour)
                if buckets.contains(bucket) { visit(bucket, carrier, counts) }
            }
        case .minute:
            var minute = TimeBucket.minute.next(after: buckets.lowerBound - 1)
            while minute < buckets.upperBound {
                for (carrier, counts) in try base.callCounts(by: theirs, starts: minute..<minute + 60,
                                                            counters: counters) {
                    visit(minute, carrier, counts)
                }
                minute += 60
            }
        }
    }

    func rollupTotals(_ level: TimeBucket, by grouping: FigureGrouping, buckets: Range<Int64>, counters: [Counter])
        throws -> [Int64: RollupCounts]
    {
        var totals: [Int64: RollupCounts] = [:]
        try rollupCounts(level, by: grouping, buckets: buckets, counters: counters) { _, group, counts in
            totals[group, default: .zero] = totals[group, default: .zero] + counts
        }
        return totals
    }

    func callCounts(by grouping: FigureGrouping, starts: Range<Int64>, counters: [Counter]) throws
        -> [Int64: RollupCounts]
    {
        let byCarrier: [Int64: RollupCounts]
        switch grouping {
        case .did: return [:]
        case .customerCarrier(let customer) where customer != id: return [:]
        default: byCarrier = try base.callCounts(by: theirs, starts: starts, counters: counters)
        }
        switch grouping {
        case .carrier, .customerCarrier: return byCarrier
        case .total, .customer:
            guard !byCarrier.isEmpty else { return [:] }
            return [grouping == .total ? 0 : id: byCarrier.values.reduce(.zero, +)]
        case .did: return [:]
        }
    }

    /// Their counts are the base's by customer × carrier, for any interval the base answers.
    var countsAnyInterval: Bool { base.countsAnyInterval }

    func secondTotals(_ seconds: Range<Int64>, counters: [Counter]) throws -> RollupCounts? {
        try callCounts(by: .total, starts: seconds, counters: counters)[0]
    }

    func networkBuckets(_ level: TimeBucket, buckets: Range<Int64>) throws -> [NetworkBucket] {
        var counts: [Int64: RollupCounts] = [:]
        try theirCounts(level, buckets: buckets, counters: Counter.allCases) { bucket, _, part in
            counts[bucket, default: .zero] = counts[bucket, default: .zero] + part
        }
        guard !counts.isEmpty else { return [] }
        var peaks: [Int64: (attempts: Int64, second: Int64)] = [:]
        try attemptsPerSecond(buckets.lowerBound..<level.next(after: buckets.upperBound - 1)) { second, attempts in
            let bucket = level.start(of: second)
            if let peak = peaks[bucket], peak.attempts > attempts || (peak.attempts == attempts && peak.second < second) {
                return
            }
            peaks[bucket] = (attempts, second)
        }
        var occupancy: [Int64: Int64] = [:]
        try base.finishedCalls(overlapping: buckets.lowerBound..<level.next(after: buckets.upperBound - 1),
                               by: theirs) { _, start, end in
            var bucket = level.start(of: start)
            while bucket < end {
                let next = level.next(after: bucket)
                occupancy[bucket, default: 0] += max(0, min(end, next) - max(start, bucket))
                bucket = next
            }
        }
        return counts.keys.sorted().map { bucket in
            NetworkBucket(bucket: bucket, counts: counts[bucket] ?? .zero, peakAttempts: peaks[bucket]?.attempts ?? 0,
                          peakSecond: peaks[bucket]?.second, channelSeconds: occupancy[bucket] ?? 0)
        }
    }

    func attemptsPerSecond(_ seconds: Range<Int64>, _ visit: (_ second: Int64, _ attempts: Int64) -> Void) throws {
        var bySecond: [Int64: Int64] = [:]
        try base.callAttempts(by: theirs, seconds: seconds) { _, second, attempts in bySecond[second, default: 0] += attempts }
        for (second, attempts) in bySecond { visit(second, attempts) }
    }

    func callAttempts(
        by grouping: FigureGrouping, seconds: Range<Int64>,
        _ visit: (_ group: Int64, _ second: Int64, _ attempts: Int64) -> Void
    ) throws {
        switch grouping {
        case .total, .customer:
            let group = grouping == .total ? 0 : id
            try attemptsPerSecond(seconds) { second, attempts in visit(group, second, attempts) }
        case .carrier:
            try base.callAttempts(by: theirs, seconds: seconds, visit)
        case .customerCarrier(let customer):
            if customer == id { try base.callAttempts(by: theirs, seconds: seconds, visit) }
        case .did:
            return
        }
    }

    func channelSeconds(minutes: Range<Int64>, _ visit: (_ minute: Int64, _ seconds: Int64) -> Void) throws {
        guard minutes.lowerBound < minutes.upperBound else { return }
        let first = TimeBucket.minute.next(after: minutes.lowerBound - 1)
        let end = TimeBucket.minute.next(after: minutes.upperBound - 1)
        var byMinute: [Int64: Int64] = [:]
        try base.finishedCalls(overlapping: first..<end, by: theirs) { _, start, stop in
            var minute = max(first, TimeBucket.minute.start(of: start))
            while minute < stop, minute < end {
                if minute < minutes.upperBound {
                    byMinute[minute, default: 0] += max(0, min(stop, minute + 60) - max(start, minute))
                }
                minute += 60
            }
        }
        for (minute, seconds) in byMinute where seconds > 0 { visit(minute, seconds) }
    }

    /// Registration samples count every endpoint of the network: none is the customer's alone.
    func registrationSamples(minutes: Range<Int64>, _ visit: (_ minute: Int64, _ registrations: Int64) -> Void) {}

    func registrationSample(before minute: Int64) -> Int64? { nil }
}

// MARK: - Live

extension ScopedReadSession {
    func callsInProgress() throws -> [LiveCall] {
        try base.callsInProgress().filter { $0.customer == id }
    }

    func liveSummary() throws -> LiveSummary {
        LiveSummary(try callsInProgress())
    }

    func finishedCalls(
        overlapping window: Range<Int64>, by grouping: FigureGrouping,
        _ visit: (_ group: Int64, _ start: Int64, _ end: Int64) -> Void
    ) throws {
        switch grouping {
        case .total, .customer:
            let group = grouping == .total ? 0 : id
            try base.finishedCalls(overlapping: window, by: theirs) { _, start, end in visit(group, start, end) }
        case .carrier:
            try base.finishedCalls(overlapping: window, by: theirs, visit)
        case .customerCarrier(let customer):
            if customer == id { try base.finishedCalls(overlapping: window, by: theirs, visit) }
        case .did:
            return
        }
    }

    func channelChanges(
        _ seconds: Range<Int64>, _ visit: (_ second: Int64, _ started: Int64, _ ended: Int64) -> Void
    ) throws {
        guard seconds.lowerBound < seconds.upperBound else { return }
        var changes: [Int64: (started: Int64, ended: Int64)] = [:]
        // A call that ended at the first second holds no channel in the window but ended in it.
        try base.finishedCalls(overlapping: seconds.lowerBound - 1..<seconds.upperBound, by: theirs) { _, start, end in
            if seconds.contains(start) { changes[start, default: (0, 0)].started += 1 }
            if seconds.contains(end) { changes[end, default: (0, 0)].ended += 1 }
        }
        for (second, change) in changes { visit(second, change.started, change.ended) }
    }

    func registrationsByCustomer() throws -> [Int64: Int] {
        try base.registrationsByCustomer().filter { $0.key == id }
    }
}

// MARK: - Directory, files, feeds

extension ScopedReadSession {
    func customers() throws -> [CustomerEntry] {
        try base.customers().filter { $0.id == id }
    }

    /// The carriers that carried their calls (finished within the hourly retention, or in progress), in the
    /// store's order; named "Route N" by carrier id unless the scope shows names. Channels configured are the
    /// carrier's, not theirs: 0.
    func carriers() throws -> [CarrierEntry] {
        var used = Set(try base.rollupTotals(.hour, by: theirs, buckets: Int64.min..<Int64.max, counters: [.attempts])
            .keys)
        used.formUnion(try callsInProgress().map(\.carrier))
        let all = try base.carriers().filter { used.contains($0.id) }
        let order = all.map(\.id).sorted()
        let entries = all.map { carrier in
            CarrierEntry(id: carrier.id, name: scope.carrierName(carrier.name, index: order.firstIndex(of: carrier.id) ?? 0),
                         active: carrier.active, channelsConfigured: 0, hasRateCard: true)
        }
        // Masked names sort as their ids do ("Route 1", "Route 2"…): the name order lists them so.
        return scope.showCarrierNames ? entries : entries.sorted { $0.id < $1.id }
    }

    /// The DIDs of their calls in progress.
    func didIDs() throws -> [Int64] {
        let theirs = Set(try callsInProgress().map(\.did)).subtracting([0])
        return try base.didIDs().filter { theirs.contains($0) }
    }

    func didNumbers(_ ids: [Int64]?) throws -> [Int64: String] {
        let allowed = Set(try didIDs())
        let wanted = ids.map { Set($0).intersection(allowed) } ?? allowed
        guard !wanted.isEmpty else { return [:] }
        return try base.didNumbers(Array(wanted).sorted())
    }

    /// 1 when the customer has a sell rate card: the operator's other cards are not theirs to count.
    func rateCardCount() throws -> Int {
        try customers().contains(where: \.hasRateCard) ? 1 : 0
    }

    func filesInError() -> [FailedFile] { [] }

    func importsInProgress() -> [ImportInProgress] { [] }

    func feeds() -> [FeedState] { [] }
}

// MARK: - Invoices and billing

extension ScopedReadSession {
    func billingProfile(customerID: Int64) throws -> BillingProfile? {
        customerID == id ? try base.billingProfile(customerID: customerID) : nil
    }

    func invoices(_ filter: InvoiceFilter) throws -> [Invoice] {
        if let asked = filter.customerID, asked != id { return [] }
        var own = filter
        own.customerID = id
        return try base.invoices(own)
    }

    func invoice(id invoiceID: Int64) throws -> Invoice? {
        guard let invoice = try base.invoice(id: invoiceID), invoice.customerID == id else { return nil }
        return invoice
    }

    func invoicedCDRs(invoiceID: Int64) throws -> [InvoicedCDR] {
        guard try invoice(id: invoiceID) != nil else { return [] }
        return try base.invoicedCDRs(invoiceID: invoiceID)
    }

    func invoiceSummary(period: Period, top: Int) throws -> InvoiceSummary {
        throw OutOfScope("the invoice summary of every customer")
    }

    func billingFigures(at now: Int64) throws -> BillingFigures {
        throw OutOfScope("the billing dashboard")
    }
}

// MARK: - Accounts

/// Their blocks, their extensions, their portal user; another customer's are never asked for.
extension ScopedReadSession {
    func numberBlocks(customerID: Int64?) throws -> [NumberBlock] {
        guard customerID == nil || customerID == id else { return [] }
        return try base.numberBlocks(customerID: id)
    }

    func extensionsInUse(customerID: Int64?, cdrsSince since: Int64) throws -> [ExtensionInUse] {
        guard customerID == nil || customerID == id else { return [] }
        return try base.extensionsInUse(customerID: id, cdrsSince: since)
    }

    func portalUser(customerID: Int64) throws -> PortalUser? {
        guard customerID == id else { return nil }
        return try base.portalUser(customerID: id)
    }
}

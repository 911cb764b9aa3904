/// The checklist: what needs the lead's attention, from the accounts, the failed and interrupted imports and the
/// last hour's ASR.
extension MetricsEngine {
    /// The outstanding items at `now`, alerts first. With `customerID`, only that customer's own items (rate card,
    /// balance, profile): carriers, files and carrier ASR describe other accounts.
    public func checklist(at now: Int64, thresholds: ChecklistThresholds = ChecklistThresholds(),
                          customerID: Int64? = nil) throws -> [ChecklistItem] {
        try store.read { session in
            try checklist(at: now, thresholds: thresholds, customerID: customerID, lastHour: nil,
                          customers: try session.customers(), carriers: try session.carriers(), in: session)
        }
    }

    /// - Parameter lastHour: the 1 h quality table when the caller has it already (it is the ASR window).
    func checklist(at now: Int64, thresholds: ChecklistThresholds, customerID: Int64?, lastHour: QualitySnapshot?,
                   customers: [CustomerEntry], carriers: [CarrierEntry], in session: any StoreReadSession)
        throws -> [ChecklistItem]
    {
        var items: [ChecklistItem.Kind: [ChecklistItem]] = [:]
        func add(_ kind: ChecklistItem.Kind, _ reason: String, subject: Int64?) {
            items[kind, default: []].append(ChecklistItem(
                kind: kind, severity: kind.severity, title: kind.title, reason: reason, subjectID: subject))
        }
        // Lists come in name order, ties by id.
        let ownCustomers = customers.filter { customerID == nil || $0.id == customerID }

        if customerID == nil {
            if carriers.isEmpty {
                add(.noCarriers, "no carrier is configured: calls cannot be routed or costed", subject: nil)
            } else if !carriers.contains(where: \.active) {
                add(.noCarriers, "none of the \(carriers.count) carriers is active", subject: nil)
            }
            // A switch the feed cannot reach: its calls in progress are as last read, its CDRs wait.
            for feed in try session.feeds() {
                guard let since = feed.downSince else { continue }
                add(.feedDown, "feed \(feed.name) down since \(utcTime(since))", subject: nil)
            }
            for file in try session.filesInError() {
                add(.cdrFileError, "\(file.name): \(file.firstError ?? "import failed")", subject: file.id)
            }
            // Still `processing` but its process is gone: nothing of it was kept until the file is imported again.
            for file in try session.importsInProgress() where file.isInterrupted {
                add(.importInterrupted, "import of \(file.name) interrupted: nothing of it was kept; import it again",
                    subject: file.id)
            }
            for carrier in carriers where carrier.active && !carrier.hasRateCard {
                add(.carrierWithoutRateCard, "\(carrier.name) has no buy rate card: its calls have no cost",
                    subject: carrier.id)
            }
            let lastHourCarriers = try lastHour?.carriers ?? lastHourAnswers(at: now, carriers: carriers, in: session)
            for carrier in lastHourCarriers where carrier.attempts >= max(1, thresholds.minimumAttempts) {
                guard let asr = carrier.asr, asr < thresholds.minimumASR else { continue }
                add(.lowASR, "\(carrier.name): ASR \(percent(asr)) over \(carrier.attempts) attempts in the last hour "
                    + "(threshold \(percent(thresholds.minimumASR)))", subject: carrier.id)
            }
        }
        for customer in ownCustomers where customer.active && !customer.hasRateCard {
            add(.customerWithoutRateCard, "\(customer.name) (\(customer.accountCode)) has no sell rate card: "
                + "its calls stay unrated", subject: customer.id)
        }
        // Furthest past the limit first; the name order among equals (the index breaks ties).
        let pastLimit = ownCustomers.filter { $0.active && $0.isPastLimit }.enumerated()
            .map { (key: ($1.balance - $1.floor, $0), customer: $1) }
            .sorted { $0.key < $1.key }.map(\.customer)
        for customer in pastLimit {
            add(.balancePastLimit, "\(customer.name): balance \(customer.balance.formatted()) \(customer.currency), "
                + "limit \(customer.floor.formatted()) \(customer.currency)", subject: customer.id)
        }
        for customer in ownCustomers where !customer.profileVerified {
            add(.profileNotVerified, "\(customer.name) (\(customer.accountCode)) was created by "
                + (customer.firstSeenFile.map { "importing \($0)" } ?? "an import or a switch feed"), subject: customer.id)
        }

        // Extensions (see `Extension`) a customer with blocks registered or called from in the last hour, outside
        // their blocks: each number once, whichever way it was seen.
        var outside = Set<[Int64]>()
        for use in try session.extensionsInUse(customerID: customerID, cdrsSince: now - 3_600) where use.blockID == nil {
            guard outside.insert([use.customerID, use.number]).inserted else { continue }
            add(.extensionOutsideBlock, "\(use.customerCode): extension \(use.number) is outside its number blocks "
                + "(\(use.origin == .registration ? "registered" : "caller in the last hour"))", subject: use.customerID)
        }
        // In a customer's own checklist: the portal user's email address and mobile, until each is verified.
        if let customerID, let user = try session.portalUser(customerID: customerID) {
            if !user[.email].isEmpty && !user.isEmailVerified {
                add(.contactNotVerified, "verify your email \(user[.email]) in My profile", subject: customerID)
            }
            if !user[.mobile].isEmpty && !user.isMobileVerified {
                add(.contactNotVerified, "verify your mobile \(user[.mobile]) in My profile", subject: customerID)
            }
        }

        var result: [ChecklistItem] = []
        // Alerts first; within a severity, kinds in their declared order.
        let order = ChecklistItem.Severity.allCases.reversed().flatMap { severity in
            ChecklistItem.Kind.allCases.filter { $0.severity == severity }
        }
        for kind in order {
            guard let list = items[kind] else { continue }
            let keep = max(1, thresholds.maximumItemsPerKind)
            if list.count <= keep {
                result += list
            } else {
                result += list.prefix(keep - 1)
                result.append(ChecklistItem(kind: kind, severity: kind.severity, title: kind.title,
                                            reason: "\(list.count - keep + 1) \(kind.more)", subjectID: nil))
            }
        }
        return result
    }

    /// The carriers of the 1 h quality table with only their attempts and answered calls counted (the rest 0), in its
    /// order: two counters of the minute rollup instead of thirteen. Past the minute retention at `now`, the
    /// interval figures.
    func lastHourAnswers(at now: Int64, carriers: [CarrierEntry], in session: any StoreReadSession) throws
        -> [CarrierQuality]
    {
        let (from, to) = HistoryRange.oneHour.window(at: now)
        guard from >= retention.minuteHorizon(at: now) else {
            return try carrierQuality(.oneHour, at: now, carriers: carriers, in: session).carriers
        }
        let counts = try session.rollupTotals(.minute, by: .carrier, buckets: from..<to, counters: [.attempts, .answered])
        return Self.carrierRows(counts.mapValues(QualityCounts.init), carriers: carriers)
    }
}

/// "12.5%": one decimal, as the quality table shows it.
func percent(_ value: Double) -> String {
    var text = String(Int64((value * 10).rounded(.toNearestOrAwayFromZero)))
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    if text.count < 2 { text = String(repeating: "0", count: 2 - text.count) + text }
    text.insert(".", at: text.index(before: text.endIndex))
    return (negative ? "-" : "") + text + "%"
}

/// "2026-12-04 01:30:05 UTC": a moment the checklist names, in UTC whatever the display zone.
func utcTime(_ seconds: Int64) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let time = seconds - days * 86_400
    // Civil from days (Howard Hinnant's algorithm): proleptic Gregorian, no Foundation formatter per item.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day)) \(two(time / 3_600)):\(two(time % 3_600 / 60)):\(two(time % 60)) UTC"
}

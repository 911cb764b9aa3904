import Foundation

/// A switch integration for Kamailio: each `refresh` makes the store's calls in progress of this feed equal to
/// Kamailio's dialogs in states early/confirmed, stores the `acc_cdrs` rows past the feed's cursor — mapped like an
/// imported file's rows (customer, carrier, rating, rollups) — with the cursor in the same transaction, and mirrors
/// the registered contacts. When Kamailio does not answer, the feed is stored as down (the checklist says so), its
/// calls stay as last read, and nothing is lost: the next refresh that reaches it reads on from the stored cursor.
public final class KamailioFeed {
    public let settings: KamailioFeedSettings
    private let store: any MetricStore
    private let client: JSONRPCClient
    private let acc: AccCDRReader
    /// Loaded at the first refresh; written back with each transaction.
    private var state: FeedState?
    /// Calls in progress this feed has stored, by call key, with whether their answer is stored; nil until the
    /// first refresh that reached Kamailio (which replaces whatever an earlier run left).
    private var live: [String: Bool]?
    /// Keys of calls whose CDR is stored: a dialog still listed as confirmed after its CDR is not started again.
    private var finished = RecentKeys(capacity: 100_000)
    /// Registered endpoints this feed has stored; nil until the first refresh that read them.
    private var registered: Set<String>?
    /// The minute and count last sampled: the minute's sample follows the count as it changes.
    private var sampled: (minute: Int64, count: Int) = (0, -1)

    public init(store: any MetricStore, settings: KamailioFeedSettings) throws {
        self.store = store
        self.settings = settings
        client = JSONRPCClient(endpoint: settings.rpc)
        acc = try AccCDRReader(path: settings.accPath, columns: settings.columns)
    }

    /// The key of a call in progress and of its CDR: the same, so that storing the CDR ends the call.
    func callKey(_ callID: String) -> String { "\(settings.name):\(callID)" }

    /// One refresh at `now` (UTC Unix seconds). Throws only when the store fails; Kamailio's problems are reported
    /// in the result (and stored as the feed being down).
    @discardableResult
    public func refresh(now: Int64) throws -> KamailioRefresh {
        var problems: [String] = []
        var dialogs: [KamailioDialog]?
        var contacts: [KamailioContact]?
        do {
            dialogs = KamailioDialog.list(try client.call("dlg.list"))
            if settings.registrations { contacts = KamailioContact.dump(try client.call("ul.dump")) }
        } catch {
            dialogs = nil
            contacts = nil
            problems.append("\(error)")
        }
        if state == nil {
            state = try store.write { try $0.feed(named: settings.name) } ?? FeedState(name: settings.name, kind: "kamailio")
        }
        var cursor = state?.cursor ?? 0
        var cdrs: [AccCDR] = []
        do {
            // A cursor past the last row: the database was made anew; its rows are read from the start, and row
            // keys (the call id) keep any stored before from counting twice.
            if cursor > 0, try acc.lastID() < cursor { cursor = 0 }
            cdrs = try acc.cdrs(after: cursor, limit: settings.batch)
        } catch {
            problems.append("\(error)")
        }
        let problem = problems.isEmpty ? nil : problems.joined(separator: "; ")
        var stored = try write(dialogs: dialogs, contacts: contacts, cdrs: cdrs, problem: problem, now: now)
        // A backlog (the feed was stopped, or the switch is busier than a batch a refresh): one transaction per batch.
        var behind = cdrs.count == settings.batch
        var batches = 1
        while behind, batches < 20 {
            let more = try acc.cdrs(after: state?.cursor ?? 0, limit: settings.batch)
            stored += try write(dialogs: nil, contacts: nil, cdrs: more, problem: problem, now: now)
            behind = more.count == settings.batch
            batches += 1
        }
        return KamailioRefresh(
            callsInProgress: live?.count ?? 0, cdrs: stored, registrations: registered?.count, problem: problem,
            behind: behind)
    }

    /// One transaction: the calls in progress (when `dialogs` were read), the CDRs and the cursor, registrations.
    private func write(
        dialogs: [KamailioDialog]?, contacts: [KamailioContact]?, cdrs: [AccCDR], problem: String?, now: Int64
    ) throws -> Int {
        guard var feed = state else { return 0 }
        let name = settings.name
        var newLive = live ?? [:]
        var newFinished = finished
        var newRegistered = registered
        let stored = try store.write { session -> Int in
            var directory = try session.accountDirectory()
            let rater = Rater(tables: try session.rateTables())

            let records = try cdrs.map { try record($0, directory: &directory, rater: rater) }
            var ended = records.compactMap(\.callKey).map(callKey)
            for key in ended { newFinished.insert(key) }

            var started: [CallInProgress] = []
            var answered: [(key: String, at: Int64)] = []
            let replaceAll = dialogs != nil && live == nil
            if let dialogs {
                if replaceAll { newLive = [:] }
                var seen = Set<String>()
                for dialog in dialogs where dialog.isInProgress {
                    let key = callKey(dialog.callID)
                    guard !newFinished.contains(key), seen.insert(key).inserted else { continue }
                    if let answerStored = newLive[key] {
                        if dialog.isConfirmed, !answerStored {
                            answered.append((key, dialog.startTime > 0 ? dialog.startTime : now))
                            newLive[key] = true
                        }
                        continue
                    }
                    let customer = try directory.customer(dialog.value(settings.customerProfile))
                    let carrier = try directory.carrier(dialog.value(settings.carrierProfile))
                    let answerAt = dialog.isConfirmed ? (dialog.startTime > 0 ? dialog.startTime : now) : nil
                    started.append(CallInProgress(
                        callKey: key, source: name, startAt: dialog.initTime > 0 ? dialog.initTime : now,
                        answerAt: answerAt, customerID: customer?.id, carrierID: carrier?.id,
                        src: Self.user(dialog.fromURI), dst: Self.user(dialog.toURI)))
                    newLive[key] = answerAt != nil
                }
                ended += newLive.keys.filter { !seen.contains($0) }
            }
            for key in ended { newLive[key] = nil }

            var added: [Registration] = []
            var removed: [String] = []
            if let contacts {
                var current: [String: KamailioContact] = [:]
                for contact in contacts { current[endpoint(contact.aor)] = contact }
                let before = newRegistered ?? []
                for (endpoint, contact) in current where !before.contains(endpoint) {
                    let customer = try directory.customer(contact.customer)
                    added.append(Registration(
                        endpoint: endpoint, customerID: customer?.id, contact: contact.contact, registeredAt: now,
                        expiresAt: now + Int64(max(0, contact.expires))))
                }
                removed = before.filter { current[$0] == nil }
                newRegistered = Set(current.keys)
            }

            // Accounts first, then what names them; ends before starts (a key can come back).
            try session.createAccounts(directory.takeCreations(), at: now)
            if replaceAll { try session.dropCallsInProgress(source: name) }
            try session.endCalls(ended)
            try session.startCalls(started)
            for answer in answered { try session.answerCall(answer.key, at: answer.at) }
            let new = try session.insertCDRs(records)
            if contacts != nil {
                if registered == nil { try session.removeRegistrations(endpointSuffix: endpointSuffix) }
                try session.updateRegistrations(adding: added, removing: removed)
                let sample = (minute: now - now % 60, count: newRegistered?.count ?? 0)
                if sample != sampled { try session.sampleRegistrations([(sample.minute, sample.count)]) }
            }
            if let last = cdrs.last { feed.cursor = last.id }
            feed.downSince = problem == nil ? nil : (feed.downSince ?? now)
            feed.checkedAt = now
            try session.storeFeed(feed)
            return new
        }
        // Committed: what this feed holds in memory follows the store.
        state = feed
        if dialogs != nil { live = newLive } else if live != nil { live = newLive }
        finished = newFinished
        if contacts != nil {
            registered = newRegistered
            sampled = (now - now % 60, newRegistered?.count ?? 0)
        }
        return stored
    }

    private var endpointSuffix: String { " via \(settings.name)" }

    /// The store's endpoint of an address of record: marked with the feed, so a restarted feed replaces its own.
    private func endpoint(_ aor: String) -> String { aor + endpointSuffix }

    /// The user part of a SIP URI: `sip:1000@acme.example` → `1000`.
    static func user(_ uri: String) -> String {
        var rest = Substring(uri)
        if let colon = rest.firstIndex(of: ":"), rest[..<colon].allSatisfy(\.isLetter) { rest = rest[rest.index(after: colon)...] }
        guard let at = rest.firstIndex(of: "@") else { return "" }
        return String(rest[..<at])
    }

    /// An `acc_cdrs` row as a CDR: times from the epoch columns, outcome from the final SIP code, rated like an
    /// imported row.
    func record(_ row: AccCDR, directory: inout AccountDirectory, rater: Rater) throws -> CallRecord {
        // A time no clock writes (not a number, before 1970, past the year 33,000) is taken as missing; a call
        // longer than a CDR may be (`CallRecord.longestSeconds`) ends at that length.
        func sane(_ time: Double?) -> Double? { time.flatMap { $0.isFinite && $0 >= 0 && $0 < 1e12 ? $0 : nil } }
        let (inviteTime, answerTime, endTime) = (sane(row.inviteTime), sane(row.answerTime), sane(row.endTime))
        let invite = inviteTime ?? answerTime ?? endTime ?? 0
        let end = min(max(endTime ?? answerTime ?? invite, invite), invite + Double(CallRecord.longestSeconds))
        let answer = answerTime.map { min(max($0, invite), end) }
        let billsec = answer.map { Int((end - $0).rounded()) } ?? 0
        let disposition: Disposition
        switch row.code {
        case "200": disposition = answer != nil ? .answered : .failed
        case "486", "600": disposition = .busy
        case "408", "480", "487", "603": disposition = .noAnswer
        case "503": disposition = .congestion
        case "": disposition = answer != nil ? .answered : .failed
        default: disposition = .failed
        }
        let customer = try directory.customer(row.customer)
        let carrier = try directory.carrier(row.carrier)
        let did = row.did.isEmpty ? nil : try directory.did(row.did, customer: customer?.id)
        let (sell, buy) = rater.prices(
            sellCard: customer?.rateCardID, buyCard: carrier?.rateCardID, dialled: row.dst, billsec: billsec,
            answered: answer != nil && billsec > 0)
        let callID = row.callID.isEmpty ? nil : row.callID
        return CallRecord(
            source: settings.name, rowKey: RowKey("\(settings.name):\(callID ?? "acc:\(row.id)")"), callKey: callID,
            startAt: Int64(invite.rounded(.down)), answerAt: answer.map { Int64($0.rounded(.down)) },
            endAt: Int64(end.rounded(.down)), duration: Int((end - invite).rounded()), billsec: billsec,
            disposition: disposition, hangupCause: row.code.isEmpty ? nil : "SIP \(row.code)",
            customerID: customer?.id, carrierID: carrier?.id, didID: did, src: row.src, dst: row.dst,
            dtmfDigits: Int(row.dtmf).map { min(max($0, 0), CallRecord.mostDigits) }, sell: sell, buy: buy)
    }
}

import Foundation

/// A traffic generator that writes into the store the way a switch integration would: a row in
/// `calls_in_progress` when a call starts, its answer time when answered, and on hang-up the CDR (with its rollups)
/// in the same transaction as the live row is removed. Registrations come and go and are sampled each minute.
public final class Simulator {
    public struct Options: Sendable {
        public var customers = 200
        public var carriers = 40
        public var dids = 2_000
        /// Mean attempts per second at the busiest hour of a weekday.
        public var peakCPS = 2.0
        public var seed: UInt64 = 1
        public var source = "simulator"
        public var retention = Retention.standard

        public init() {}
    }

    private let store: any MetricStore
    private let options: Options
    private let model: TrafficModel
    private var random: RandomSource
    private let runID: String
    private var callCounter = 0
    /// Calls that have started and not ended, by key; `answered` tracks whether the answer was written yet.
    private var open: [String: (call: SimulatedCall, answerWritten: Bool)] = [:]
    /// The first second whose arrivals have not been generated yet.
    private var cursor: Int64
    private var endpoints: [(endpoint: String, customerID: Int64)] = []
    private var registered: Set<Int> = []
    private var lastSampledMinute: Int64 = 0
    private var prunedHorizon: Int64 = 0
    /// What failed writes left to write.
    private var backlog = SimulatorBacklog()

    /// Creates (or loads) the simulated network in `store`. Live rows a previous simulator run left behind are
    /// dropped: those calls will never end.
    public init(store: any MetricStore, options: Options = Options(), now: Int64) throws {
        self.store = store
        self.options = options
        random = RandomSource(seed: options.seed ^ UInt64(bitPattern: now))
        runID = UUID().uuidString.prefix(8).lowercased()
        cursor = now
        try store.write { session in try session.dropCallsInProgress(source: options.source) }
        let network = try SimulatedNetwork.loadOrCreate(
            in: store, seed: options.seed, customers: options.customers, carriers: options.carriers,
            dids: options.dids, now: now)
        model = TrafficModel(network: network, peakCPS: options.peakCPS, seed: options.seed)
        for customer in network.customers {
            let count = max(1, Int((customer.weight * 20).rounded()))
            for index in 0..<count {
                endpoints.append(("sip:\(customer.id)-\(index + 1)\(Self.endpointDomain)", customer.id))
            }
        }
        // Registrations start from a typical share of endpoints registered.
        registered = Set((0..<endpoints.count).filter { _ in random.chance(historicShare(at: now)) })
        try store.write { session in
            try session.removeRegistrations(endpointSuffix: Self.endpointDomain)
            try self.writeRegistrations((added: Array(self.registered), removed: []), now: now, in: session)
        }
    }

    /// Writes the calls of the `days` before `now` as finished CDRs (calls still running at `now` become live
    /// calls), plus a registration count for every minute. Returns the number of CDRs written.
    @discardableResult
    public func backfill(days: Int, until now: Int64, progress: ((Int64, Int64) -> Void)? = nil) throws -> Int {
        guard days > 0 else { return 0 }
        let from = now - Int64(days) * 86_400
        var batch: [CallRecord] = []
        batch.reserveCapacity(50_000)
        var written = 0
        var second = from
        var samples: [(minute: Int64, registrations: Int)] = []
        while second < now {
            let chunkEnd = min(now, second + 3_600 * 6)
            while second < chunkEnd {
                for _ in 0..<random.poisson(model.cps(at: second)) {
                    let call = model.makeCall(key: nextKey(), startAt: second, using: &random)
                    if call.endAt <= now {
                        batch.append(call.record(source: options.source))
                    } else {
                        open[call.callKey] = (call, false)
                    }
                }
                if second % 60 == 0 { samples.append((second, historicRegistrations(at: second))) }
                second += 1
            }
            let records = batch
            let minuteSamples = samples
            written += try store.write { session in
                try session.sampleRegistrations(minuteSamples)
                return try session.insertCDRs(records)
            }
            batch.removeAll(keepingCapacity: true)
            samples.removeAll(keepingCapacity: true)
            progress?(second - from, now - from)
        }
        cursor = now
        try store.write { session in try self.writeOpenCalls(now: now, in: session) }
        return written
    }

    /// Moves the simulation forward to `now`: new calls for every whole second up to it, answers and hang-ups
    /// that are due, and registration churn. One write transaction.
    public func advance(to now: Int64) throws {
        var started: [SimulatedCall] = []
        while cursor <= now {
            for _ in 0..<random.poisson(model.cps(at: cursor)) {
                let call = model.makeCall(key: nextKey(), startAt: cursor, using: &random)
                open[call.callKey] = (call, false)
                started.append(call)
            }
            cursor += 1
        }
        var answered: [SimulatedCall] = []
        var ended: [SimulatedCall] = []
        for (key, entry) in open {
            if entry.call.endAt <= now {
                ended.append(entry.call)
                open[key] = nil
            } else if let answerAt = entry.call.answerAt, answerAt <= now, !entry.answerWritten {
                answered.append(entry.call)
                open[key]?.answerWritten = true
            }
        }
        var batch = backlog
        batch.add(started: started, answered: answered, ended: ended, churn: churnRegistrations(now: now))
        let sampledBefore = lastSampledMinute
        do {
            try store.write { session in
                try self.insertLive(batch.started, now: now, in: session)
                for call in batch.answered {
                    if let answerAt = call.answerAt { try session.answerCall(call.callKey, at: answerAt) }
                }
                try session.endCalls(batch.ended.map(\.callKey))
                try session.insertCDRs(batch.ended.map { $0.record(source: self.options.source) })
                try self.writeRegistrations(batch.churn, now: now, in: session)
                // The retention horizon moves once an hour: prune when it does.
                let horizon = self.options.retention.minuteHorizon(at: now)
                if horizon != self.prunedHorizon {
                    try session.pruneAggregates(self.options.retention, at: now)
                    self.prunedHorizon = horizon
                }
            }
        } catch {
            // Nothing of this write was stored: all of it goes with the next one.
            backlog = batch
            lastSampledMinute = sampledBefore
            throw error
        }
        backlog = SimulatorBacklog()
    }

    /// Calls this simulator made (back-filled ones too): once it stopped, each is one CDR in the store.
    public var callsSimulated: Int { callCounter }

    /// CDRs of ended calls waiting for the store to answer again (0 once a write went through).
    public var unwrittenCDRs: Int { backlog.ended.count }

    /// Ends every open call at `now`, as a switch that shuts down drops its calls, so that the store is not left
    /// with live calls nobody will ever end.
    public func stop(at now: Int64) throws {
        let ended = backlog.ended + open.values.map { model.cutOff($0.call, at: now) }
        open.removeAll()
        backlog = SimulatorBacklog()
        try store.write { session in
            try session.endCalls(ended.map(\.callKey))
            try session.insertCDRs(ended.map { $0.record(source: self.options.source) })
        }
    }

    /// Calls started and not yet ended, as the simulator sees them.
    public var liveCalls: Int { open.count }

    // MARK: - Internals

    private func nextKey() -> String {
        callCounter += 1
        // Zero-padded so keys sort in the order they are made: the unique index then grows at its end.
        let number = String(callCounter)
        return "\(options.source)-\(runID)-" + String(repeating: "0", count: max(0, 10 - number.count)) + number
    }

    private func writeOpenCalls(now: Int64, in session: any StoreWriteSession) throws {
        try insertLive(open.values.map(\.call), now: now, in: session)
        for key in open.keys where (open[key]?.call.answerAt ?? .max) <= now { open[key]?.answerWritten = true }
    }

    private func insertLive(_ calls: [SimulatedCall], now: Int64, in session: any StoreWriteSession) throws {
        try session.startCalls(calls.map { call in
            CallInProgress(
                callKey: call.callKey, source: options.source, startAt: call.startAt,
                answerAt: call.answerAt.flatMap { $0 <= now ? $0 : nil }, customerID: call.customerID,
                carrierID: call.carrierID, didID: call.didID, src: call.src, dst: call.dst, callerName: call.callerName)
        })
    }

    /// The share of endpoints registered at a time of day: more phones are up during business hours.
    private func historicShare(at second: Int64) -> Double {
        let busy = model.cps(at: second) / max(options.peakCPS, 0.001)
        return 0.62 + 0.2 * min(1, busy) + 0.03 * sin(Double(second) / 5_000)
    }

    private func historicRegistrations(at second: Int64) -> Int {
        Int((Double(endpoints.count) * historicShare(at: second)).rounded())
    }

    private func churnRegistrations(now: Int64) -> (added: [Int], removed: [Int]) {
        guard !endpoints.isEmpty else { return ([], []) }
        var added: [Int] = []
        var removed: [Int] = []
        // Roughly one endpoint in 500 changes state per call to advance: a steady trickle.
        for _ in 0..<max(1, endpoints.count / 500) {
            let index = random.int(in: 0...(endpoints.count - 1))
            let wantRegistered = random.chance(historicShare(at: now))
            if wantRegistered, !registered.contains(index) {
                registered.insert(index)
                added.append(index)
            } else if !wantRegistered, registered.contains(index) {
                registered.remove(index)
                removed.append(index)
            }
        }
        return (added, removed)
    }

    private func writeRegistrations(
        _ change: (added: [Int], removed: [Int]), now: Int64, in session: any StoreWriteSession
    ) throws {
        try session.updateRegistrations(
            adding: change.added.map { index in
                Registration(
                    endpoint: endpoints[index].endpoint, customerID: endpoints[index].customerID,
                    contact: "sip:198.51.100.\(index % 250 + 1):5060", registeredAt: now, expiresAt: now + 3_600)
            },
            removing: change.removed.map { endpoints[$0].endpoint })
        let minute = TimeBucket.minute.start(of: now)
        if minute != lastSampledMinute {
            lastSampledMinute = minute
            try session.sampleRegistrations([(minute, registered.count)])
        }
    }

    /// The domain of the simulated endpoints: a run removes what an earlier one left registered.
    private static let endpointDomain = "@pbx.example"
}

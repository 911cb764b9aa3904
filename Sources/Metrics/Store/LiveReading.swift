/// Calls in progress and concurrency: the live table as it is now, and the (start, end) of finished calls that
/// overlap a window, for channel occupancy. A call holds a channel over [start, end), answered or not.
public protocol LiveReading {
    /// Every call in progress now, in any order.
    func callsInProgress() throws -> [LiveCall]

    /// The calls in progress now, counted by customer, carrier, DID and start second as the store keeps them: what
    /// every pane needs of them, read without a row per call.
    func liveSummary() throws -> LiveSummary

    /// The finished calls that held a channel at some second of `window` (they ended after its start and started
    /// before its end): `visit` gets each call's group, start and end.
    func finishedCalls(
        overlapping window: Range<Int64>, by grouping: FigureGrouping,
        _ visit: (_ group: Int64, _ start: Int64, _ end: Int64) -> Void) throws

    /// How many finished calls held a channel at `second` (`finishedCalls` over that second, counted).
    func finishedCallCount(at second: Int64) throws -> Int

    /// Per second of `seconds`, how many finished calls started and how many ended in it, from the per-second
    /// network rollup (kept for the minute retention): `visit` gets each second that had either, once.
    func channelChanges(
        _ seconds: Range<Int64>, _ visit: (_ second: Int64, _ started: Int64, _ ended: Int64) -> Void) throws

    /// `finishedCallCount(at: second)`, and `channelChanges(seconds, visit)`, in one read: what the live-channels
    /// series asks, sent at once where a backend answers over a network.
    func finishedCallCount(
        at second: Int64, changes seconds: Range<Int64>,
        _ visit: (_ second: Int64, _ started: Int64, _ ended: Int64) -> Void) throws -> Int

    /// Registrations held now, per customer (0: endpoints of no known customer); customers with none are left out.
    func registrationsByCustomer() throws -> [Int64: Int]
}

extension LiveReading {
    public func finishedCallCount(
        at second: Int64, changes seconds: Range<Int64>,
        _ visit: (_ second: Int64, _ started: Int64, _ ended: Int64) -> Void
    ) throws -> Int {
        let count = try finishedCallCount(at: second)
        try channelChanges(seconds, visit)
        return count
    }

    public func finishedCallCount(at second: Int64) throws -> Int {
        var count = 0
        try finishedCalls(overlapping: second..<(second + 1), by: .total) { _, _, _ in count += 1 }
        return count
    }
}

/// The live-channels sparkline of the dashboard.
extension MetricsEngine {
    /// Channels in use at each second of (now - seconds, now]: a call holds a channel over [start, end), from
    /// its start, answered or not. Running calls (`live`) are counted from the calls in progress; finished calls
    /// from the per-second rollup inside the minute retention (from their CDRs before it).
    func liveChannels(endingAt now: Int64, seconds: Int, live: LiveSummary, in session: any StoreReadSession)
        throws -> [Int]
    {
        guard seconds > 0 else { return [] }
        let first = now - Int64(seconds) + 1
        guard first > retention.minuteHorizon(at: now) else {
            return try liveChannelsFromCalls(first: first, now: now, seconds: seconds, live: live, in: session)
        }
        // The count at `now`, then stepped back a second at a time: the count at s - 1 is the count at s, less the
        // calls that started at s, plus those that ended at s. changes[i] is that step for second first + i.
        var changes = [Int](repeating: 0, count: seconds)
        var level = 0
        for (start, calls) in live.byStart where start <= now {
            level += calls
            if start > first { changes[Int(start - first)] += calls }
        }
        // Finished calls that still held a channel at `now` (none unless `now` is in the past).
        level += try session.finishedCallCount(at: now, changes: (first + 1)..<(now + 1)) { second, started, ended in
            changes[Int(second - first)] += Int(started - ended)
        }
        var series = [Int](repeating: 0, count: seconds)
        for index in stride(from: seconds - 1, through: 0, by: -1) {
            series[index] = level
            level -= changes[index]
        }
        return series
    }

    /// The series counted from every call that overlaps the window: before the per-second rollup's retention.
    private func liveChannelsFromCalls(first: Int64, now: Int64, seconds: Int, live: LiveSummary,
                                       in session: any StoreReadSession) throws -> [Int]
    {
        // delta[i] changes the count from second first+i on; one extra slot absorbs ends past the window.
        var delta = [Int](repeating: 0, count: seconds + 1)
        func occupy(_ start: Int64, _ end: Int64, _ calls: Int = 1) {
            let from = max(start, first)
            let to = min(end, now + 1)
            guard from < to else { return }
            delta[Int(from - first)] += calls
            delta[Int(to - first)] -= calls
        }
        try session.finishedCalls(overlapping: first..<(now + 1), by: .total) { _, start, end in occupy(start, end) }
        for (start, calls) in live.byStart where start <= now { occupy(start, now + 1, calls) }
        var series = [Int](repeating: 0, count: seconds)
        var level = 0
        for index in 0..<seconds {
            level += delta[index]
            series[index] = level
        }
        return series
    }
}

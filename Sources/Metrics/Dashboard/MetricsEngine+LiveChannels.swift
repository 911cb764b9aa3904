/// The live-channels sparkline of the dashboard.
extension MetricsEngine {
    /// Channels in use at each second of (now - seconds, now]: a call holds a channel over [start, end), from
    /// its start, answered or not. Finished calls come from CDRs, running ones (`live`) from the calls in progress.
    func liveChannels(endingAt now: Int64, seconds: Int, live: [LiveCall], in session: any StoreReadSession)
        throws -> [Int]
    {
        guard seconds > 0 else { return [] }
        let first = now - Int64(seconds) + 1
        // delta[i] changes the count from second first+i on; one extra slot absorbs ends past the window.
        var delta = [Int](repeating: 0, count: seconds + 1)
        func occupy(_ start: Int64, _ end: Int64) {
            let from = max(start, first)
            let to = min(end, now + 1)
            guard from < to else { return }
            delta[Int(from - first)] += 1
            delta[Int(to - first)] -= 1
        }
        try session.finishedCalls(overlapping: first..<(now + 1), by: .total) { _, start, end in occupy(start, end) }
        for call in live where call.start <= now { occupy(call.start, now + 1) }
        var series = [Int](repeating: 0, count: seconds)
        var level = 0
        for index in 0..<seconds {
            level += delta[index]
            series[index] = level
        }
        return series
    }
}

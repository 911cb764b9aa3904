/// Figures of any interval, exact: whole buckets from the coarsest rollups that fit, the ragged edges from the
/// per-second network rollup (the network, inside the minute retention) or the calls themselves. Inside the minute
/// retention the network reads its own rollups, whose size depends on the buckets alone.
extension MetricsEngine {
    /// Figures of the calls that started in [from, to), exact for any interval: whole buckets come from the
    /// coarsest rollups that fit, the ragged edges (less than one finest bucket each) from the CDRs themselves.
    /// `now` is the present: minute rollups before its retention horizon are not read.
    public func figures(from: Int64, to: Int64, groupedBy grouping: FigureGrouping = .total, at now: Int64) throws
        -> [Int64: TrafficFigures]
    {
        try store.read { session in try figures(from: from, to: to, groupedBy: grouping, at: now, in: session) }
    }

    /// - Parameter counters: which counters to read; the others stay 0 (`QualityCounts.counters` reads 6 of the 13,
    ///   which is most of the cost of a rollup row).
    func figures(from: Int64, to: Int64, groupedBy grouping: FigureGrouping, counters: [Counter] = Counter.allCases,
                 at now: Int64, in session: any StoreReadSession) throws -> [Int64: TrafficFigures]
    {
        var sums = SumsByID<RollupCounts>()
        // A day less some of its hours leaves a group that only had calls in those hours at zero: it had none here.
        // Every rollup row counts at least one attempt, so that is only known when attempts are read.
        let subtracting = counters.contains(.attempts)
        var subtracted = false
        for piece in pieces(from: from, to: to, groupedBy: grouping, at: now, subtracting: subtracting) {
            switch piece {
            case .less(let level, let start, let end):
                subtracted = true
                for (group, counts) in try session.rollupTotals(level, by: grouping, buckets: start..<end,
                                                                counters: counters) {
                    sums[group] -= counts
                }
            case .rollup(let level, let start, let end):
                // The network's minutes and hours inside the minute retention: one network row per bucket rather
                // than one per carrier.
                let network = grouping == .total && NetworkDelta.levels.contains(level)
                let split = network ? min(max(start, retention.minuteHorizon(at: now)), end) : end
                if start < split {
                    for (group, counts) in try session.rollupTotals(level, by: grouping, buckets: start..<split,
                                                                    counters: counters) {
                        sums[group] += counts
                    }
                }
                if split < end {
                    // A row without attempts holds only the occupancy of calls that started before it.
                    for row in try session.networkBuckets(level, buckets: split..<end) where row.counts.attempts > 0 {
                        sums[0] += Self.keeping(counters, of: row.counts)
                    }
                }
            case .raw(let start, let end):
                // The network's edges inside the minute retention come from the per-second rollup.
                let split = grouping == .total ? min(max(start, retention.minuteHorizon(at: now)), end) : end
                if start < split {
                    for (group, counts) in try session.callCounts(by: grouping, starts: start..<split,
                                                                  counters: counters) {
                        sums[group] += counts
                    }
                }
                if split < end {
                    if let counts = try session.secondTotals(split..<end, counters: counters) { sums[0] += counts }
                }
            }
        }
        var result = sums.dictionary
        if subtracted { result = result.filter { $0.value.attempts != 0 } }
        return result.mapValues(TrafficFigures.init)
    }

    /// `counts` with only `counters` kept, the others 0: what a read of those counters alone gives.
    static func keeping(_ counters: [Counter], of counts: RollupCounts) -> RollupCounts {
        guard counters != Counter.allCases else { return counts }
        var kept = RollupCounts()
        for counter in counters { kept[counter] = counts[counter] }
        return kept
    }

    /// Where the figures of [from, to) by `grouping` come from at `now`: the levels the grouping is kept at, minutes
    /// only inside their retention (older intervals start at the hour level); everything from the calls for a
    /// grouping no rollup keeps.
    /// With `subtracting`, a run of hours that covers most of a day is read as the day less its other hours (see
    /// `daysLessHours`), for the groupings whose hours are many rows (not the network's one row an hour).
    func pieces(from: Int64, to: Int64, groupedBy grouping: FigureGrouping, at now: Int64, subtracting: Bool = false)
        -> [IntervalPiece]
    {
        guard var finest = grouping.levels.first, let coarsest = grouping.levels.last else {
            return from < to ? [.raw(from: from, to: to)] : []
        }
        if finest == .minute && from < retention.minuteHorizon(at: now) { finest = .hour }
        let pieces = Self.pieces(from: from, to: to, finest: finest, coarsest: coarsest)
        guard subtracting, grouping != .total, grouping.levels.contains(.day) else { return pieces }
        return pieces.flatMap { piece -> [IntervalPiece] in
            guard case .rollup(.hour, let start, let end) = piece else { return [piece] }
            return Self.daysLessHours(from: start, to: end, at: now)
        }
    }

    /// The hours [from, to) as pieces that read fewest rows: each day's part of the run either as its hours, or as
    /// the day's row less the day's other hours — exact, as a day's rollup is the sum of its hours'. Hours that start
    /// after `now` hold no call, so taking them away reads nothing: the last 24 hours ending now read the hours
    /// since yesterday's part (or the rest of yesterday, whichever is fewer) and one row per group for today,
    /// instead of 24.
    static func daysLessHours(from: Int64, to: Int64, at now: Int64) -> [IntervalPiece] {
        let present = TimeBucket.hour.next(after: now)
        // Hours of [start, end) that can hold calls at `now`.
        func rows(_ start: Int64, _ end: Int64) -> Int64 { max(0, min(end, present) - start) / 3_600 }
        var pieces: [IntervalPiece] = []
        var cursor = from
        while cursor < to {
            let day = TimeBucket.day.start(of: cursor)
            let dayEnd = TimeBucket.day.next(after: day)
            let end = min(to, dayEnd)
            if 1 + rows(day, cursor) + rows(end, dayEnd) < rows(cursor, end) {
                pieces.append(.rollup(.day, from: day, to: dayEnd))
                if day < cursor { pieces.append(.less(.hour, from: day, to: cursor)) }
                if end < dayEnd { pieces.append(.less(.hour, from: end, to: dayEnd)) }
            } else {
                pieces.append(.rollup(.hour, from: cursor, to: end))
            }
            cursor = end
        }
        return pieces
    }

    /// Splits [from, to) into raw edges and runs of whole buckets, coarsest level first (up to `coarsest`), so that a
    /// month is one rollup row per group rather than 44,640 minute rows.
    static func pieces(from: Int64, to: Int64, finest: TimeBucket, coarsest: TimeBucket = .month) -> [IntervalPiece] {
        guard from < to else { return [] }
        let alignedFrom = finest.start(of: from) == from ? from : finest.next(after: from)
        let alignedTo = finest.start(of: to)
        // Both ends inside one bucket: no whole bucket between them.
        guard alignedFrom <= alignedTo else { return [.raw(from: from, to: to)] }
        var pieces: [IntervalPiece] = []
        if from < alignedFrom { pieces.append(.raw(from: from, to: alignedFrom)) }
        let levels = TimeBucket.allCases.reversed().filter { $0.rank >= finest.rank && $0.rank <= coarsest.rank }
        var cursor = alignedFrom
        while cursor < alignedTo {
            // The coarsest bucket that starts here and ends inside the interval; consecutive ones merge.
            let level = levels.first { $0.start(of: cursor) == cursor && $0.next(after: cursor) <= alignedTo } ?? finest
            let end = level.next(after: cursor)
            if case .rollup(let previous, let start, cursor)? = pieces.last, previous == level {
                pieces[pieces.count - 1] = .rollup(level, from: start, to: end)
            } else {
                pieces.append(.rollup(level, from: cursor, to: end))
            }
            cursor = end
        }
        if alignedTo < to { pieces.append(.raw(from: alignedTo, to: to)) }
        return pieces
    }
}

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
        if session.countsAnyInterval {
            return try session.callCounts(by: grouping, starts: from..<to, counters: counters)
                .mapValues(TrafficFigures.init)
        }
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
    /// With `subtracting`, a run of minutes or hours that covers most of an hour or a day is read as the coarser
    /// bucket less its other buckets (see `coarserLessFiner`), for the groupings whose buckets are many rows (not the
    /// network's one row a bucket).
    func pieces(from: Int64, to: Int64, groupedBy grouping: FigureGrouping, at now: Int64, subtracting: Bool = false)
        -> [IntervalPiece]
    {
        guard var finest = grouping.levels.first, let coarsest = grouping.levels.last else {
            return from < to ? [.raw(from: from, to: to)] : []
        }
        if finest == .minute && from < retention.minuteHorizon(at: now) { finest = .hour }
        let pieces = Self.pieces(from: from, to: to, finest: finest, coarsest: coarsest)
        guard subtracting, grouping != .total else { return pieces }
        return pieces.flatMap { piece -> [IntervalPiece] in
            // Minutes inside the retention lie in hours whose other minutes are kept too (the horizon is an hour).
            guard case .rollup(let level, let start, let end) = piece, let coarser = level.coarser,
                  grouping.levels.contains(coarser)
            else { return [piece] }
            return Self.coarserLessFiner(level, from: start, to: end, at: now)
        }
    }

    /// The buckets of `fine` (minutes or hours) in [from, to) as pieces that read fewest rows: each coarser bucket's
    /// part of the run (an hour's minutes, a day's hours) either as those buckets, or as the coarser bucket's row
    /// less its other buckets — exact, as a coarser rollup is the sum of its finer ones. Buckets that start after
    /// `now` hold no call, so taking them away reads nothing: the last 24 hours ending now read yesterday's hours
    /// in the window (or the rest of yesterday, whichever is fewer) and one row per group for today, not 24; the
    /// last hour by minute, at most 31 rows per group, not 60.
    static func coarserLessFiner(_ fine: TimeBucket, from: Int64, to: Int64, at now: Int64) -> [IntervalPiece] {
        guard let coarse = fine.coarser, from < to else { return from < to ? [.rollup(fine, from: from, to: to)] : [] }
        let width = fine.next(after: from) - from
        let present = fine.next(after: now)
        // Buckets of [start, end) that can hold calls at `now`.
        func rows(_ start: Int64, _ end: Int64) -> Int64 { max(0, min(end, present) - start) / width }
        var pieces: [IntervalPiece] = []
        var cursor = from
        while cursor < to {
            let bucket = coarse.start(of: cursor)
            let bucketEnd = coarse.next(after: bucket)
            let end = min(to, bucketEnd)
            if 1 + rows(bucket, cursor) + rows(end, bucketEnd) < rows(cursor, end) {
                pieces.append(.rollup(coarse, from: bucket, to: bucketEnd))
                if bucket < cursor { pieces.append(.less(fine, from: bucket, to: cursor)) }
                if end < bucketEnd { pieces.append(.less(fine, from: end, to: bucketEnd)) }
            } else {
                pieces.append(.rollup(fine, from: cursor, to: end))
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

/// Where a start range's figures are read: the whole minutes not marked stale from the minute rollup, the rest
/// (ragged edges, stale minutes) from the CDRs. Together the pieces cover the range exactly once.
struct RollupPlan: Equatable {
    var raw: [Range<Int64>]
    var rollup: [Range<Int64>]
    /// CDRs read and subtracted: the part of a clean edge minute outside the range, when that is the smaller part
    /// (`nearest`). Empty unless asked for.
    var subtracted: [Range<Int64>] = []

    init(raw: [Range<Int64>], rollup: [Range<Int64>], subtracted: [Range<Int64>] = []) {
        self.raw = raw
        self.rollup = rollup
        self.subtracted = subtracted
    }

    init(_ range: Range<Int64>, stale: [Range<Int64>]) {
        // Minutes beyond ±2⁶² (no CDR is there) are left to the raw read, so the rounding below cannot overflow.
        let first = Self.ceiling(max(range.lowerBound, -Self.limit)), last = Self.floor(min(range.upperBound, Self.limit))
        guard first < last else {
            self.init(raw: [range], rollup: [])
            return
        }
        var raw: [Range<Int64>] = [], rollup: [Range<Int64>] = []
        if range.lowerBound < first { raw.append(range.lowerBound..<first) }
        // Stale ranges widened to whole minutes, clipped, in order; the gaps between them are clean.
        var cursor = first
        let marks = stale.map { (Self.floor(max($0.lowerBound, -Self.limit)), Self.ceiling(min($0.upperBound, Self.limit))) }
        for mark in marks.sorted(by: { $0.0 < $1.0 }) {
            let low = max(mark.0, cursor), high = min(mark.1, last)
            guard low < high else { continue }
            if cursor < low { rollup.append(cursor..<low) }
            if let previous = raw.last, previous.upperBound == low {
                raw[raw.count - 1] = previous.lowerBound..<high
            } else {
                raw.append(low..<high)
            }
            cursor = high
        }
        if cursor < last { rollup.append(cursor..<last) }
        if last < range.upperBound {
            if let previous = raw.last, previous.upperBound == last {
                raw[raw.count - 1] = previous.lowerBound..<range.upperBound
            } else {
                raw.append(last..<range.upperBound)
            }
        }
        self.init(raw: raw, rollup: rollup)
    }

    /// The plan of `init(_:stale:)`, but a ragged edge whose minute is clean is read as the whole minute from the
    /// rollup less the CDRs of the minute outside the range, when those are fewer seconds than the edge: at most
    /// 30 s of CDRs at each edge instead of up to 59. Only for sums, whose subtraction is exact.
    static func nearest(_ range: Range<Int64>, stale: [Range<Int64>]) -> RollupPlan {
        var plan = RollupPlan(range, stale: stale)
        let (low, high) = (range.lowerBound, range.upperBound)
        guard low > -limit, high < limit, !plan.rollup.isEmpty else { return plan }
        func clean(_ minute: Int64) -> Bool {
            !stale.contains {
                floor(max($0.lowerBound, -limit)) < minute + 60 && ceiling(min($0.upperBound, limit)) > minute
            }
        }
        let first = floor(low)
        if first < low, low - first < first + 60 - low, plan.raw.first == low..<(first + 60), clean(first) {
            plan.raw.removeFirst()
            plan.rollup.insert(first..<(first + 60), at: 0)
            plan.subtracted.append(first..<low)
        }
        let last = floor(high)
        if last < high, last + 60 - high < high - last, plan.raw.last == last..<high, clean(last) {
            plan.raw.removeLast()
            plan.rollup.append(last..<(last + 60))
            plan.subtracted.append(high..<(last + 60))
        }
        // Adjacent pieces as one: fewer ranges in each query, and whole hours found across them.
        plan.rollup = joined(plan.rollup)
        return plan
    }

    /// `pieces` (in order) without the empty ones, each run of adjacent ones as one range.
    private static func joined(_ pieces: [Range<Int64>]) -> [Range<Int64>] {
        var joined: [Range<Int64>] = []
        for piece in pieces where !piece.isEmpty {
            if let previous = joined.last, previous.upperBound == piece.lowerBound {
                joined[joined.count - 1] = previous.lowerBound..<piece.upperBound
            } else {
                joined.append(piece)
            }
        }
        return joined
    }

    /// The plan for a rollup kept per second (attempts, calls ended): a clean minute holds every one of its seconds,
    /// so the ragged edges come from the rollup too and only marked minutes from the CDRs.
    static func perSecond(_ range: Range<Int64>, stale: [Range<Int64>]) -> RollupPlan {
        let low = max(range.lowerBound, -limit), high = min(range.upperBound, limit)
        guard low < high else { return RollupPlan(range, stale: stale) }
        let whole = RollupPlan(floor(low)..<ceiling(high), stale: stale)
        func clipped(_ pieces: [Range<Int64>]) -> [Range<Int64>] {
            pieces.compactMap {
                let piece = max($0.lowerBound, low)..<max(min($0.upperBound, high), max($0.lowerBound, low))
                return piece.isEmpty ? nil : piece
            }
        }
        let raw = joined([range.lowerBound..<low] + clipped(whole.raw) + [high..<range.upperBound])
        return RollupPlan(raw: raw, rollup: clipped(whole.rollup))
    }

    /// Clean minute ranges (`rollup`) split into the whole hours they hold, read from the hour rollup, and the
    /// minutes left at their edges. An hour inside a clean range has no marked minute, so its row is current.
    static func hours(in clean: [Range<Int64>]) -> (hours: [Range<Int64>], minutes: [Range<Int64>]) {
        var hours: [Range<Int64>] = [], minutes: [Range<Int64>] = []
        for range in clean {
            // Past ±2⁶² (no CDR is there) the rounding could overflow: such a range stays minutes.
            let inside = range.lowerBound >= -limit && range.upperBound <= limit
            let down = inside ? range.lowerBound - ((range.lowerBound % 3_600) + 3_600) % 3_600 : 0
            let first = down == range.lowerBound ? down : down + 3_600
            let last = inside ? range.upperBound - ((range.upperBound % 3_600) + 3_600) % 3_600 : 0
            guard inside, first < last else {
                minutes.append(range)
                continue
            }
            if range.lowerBound < first { minutes.append(range.lowerBound..<first) }
            hours.append(first..<last)
            if last < range.upperBound { minutes.append(last..<range.upperBound) }
        }
        return (hours, minutes)
    }

    private static let limit: Int64 = 1 << 62

    private static func floor(_ second: Int64) -> Int64 { second - ((second % 60) + 60) % 60 }

    private static func ceiling(_ second: Int64) -> Int64 {
        let down = floor(second)
        return down == second ? second : down + 60
    }
}

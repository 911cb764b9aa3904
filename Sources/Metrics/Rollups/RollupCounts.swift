/// The counters of a set of calls (one rollup row, one summary cell): integers only, so any selection of them adds up
/// exactly. Kept in one vector indexed by `Counter`, so that adding two of them is one vector addition (and one vector
/// test that no counter wrapped).
public struct RollupCounts: Sendable, Equatable {
    /// Indexed by `Counter.rawValue`; the lanes past the last counter stay zero.
    private var lanes = SIMD16<Int64>()

    public init() {}

    private init(lanes: SIMD16<Int64>) { self.lanes = lanes }

    /// The counters in `Counter.allCases` order.
    public init(_ values: [Int64]) {
        for (counter, value) in zip(Counter.allCases, values) { self[counter] = value }
    }

    public subscript(counter: Counter) -> Int64 {
        get { lanes[counter.rawValue] }
        set { lanes[counter.rawValue] = newValue }
    }

    /// The counters in `Counter.allCases` order.
    public var values: [Int64] { Counter.allCases.map { self[$0] } }

    public var attempts: Int64 { get { self[.attempts] } set { self[.attempts] = newValue } }
    public var answered: Int64 { get { self[.answered] } set { self[.answered] = newValue } }
    public var busy: Int64 { get { self[.busy] } set { self[.busy] = newValue } }
    public var noAnswer: Int64 { get { self[.noAnswer] } set { self[.noAnswer] = newValue } }
    public var failed: Int64 { get { self[.failed] } set { self[.failed] = newValue } }
    public var billsec: Int64 { get { self[.billsec] } set { self[.billsec] = newValue } }
    public var dtmfKnown: Int64 { get { self[.dtmfKnown] } set { self[.dtmfKnown] = newValue } }
    public var dtmfCalls: Int64 { get { self[.dtmfCalls] } set { self[.dtmfCalls] = newValue } }
    public var dtmfDigits: Int64 { get { self[.dtmfDigits] } set { self[.dtmfDigits] = newValue } }
    public var sellMicros: Int64 { get { self[.sellMicros] } set { self[.sellMicros] = newValue } }
    public var buyMicros: Int64 { get { self[.buyMicros] } set { self[.buyMicros] = newValue } }
    public var unratedSell: Int64 { get { self[.unratedSell] } set { self[.unratedSell] = newValue } }
    public var unratedBuy: Int64 { get { self[.unratedBuy] } set { self[.unratedBuy] = newValue } }

    mutating func add(_ record: CallRecord) { add(record, sign: 1) }

    /// Adds `record` (`sign` 1) or takes it back out (`sign` -1).
    mutating func add(_ record: CallRecord, sign: Int64) {
        var delta = SIMD16<Int64>()
        delta[Counter.attempts.rawValue] = 1
        switch record.outcome {
        case .answered:
            delta[Counter.answered.rawValue] = 1
            delta[Counter.billsec.rawValue] = Int64(record.billsec)
            if let digits = record.dtmfDigits {
                delta[Counter.dtmfKnown.rawValue] = 1
                delta[Counter.dtmfDigits.rawValue] = Int64(digits)
                if digits > 0 { delta[Counter.dtmfCalls.rawValue] = 1 }
            }
        case .busy: delta[Counter.busy.rawValue] = 1
        case .noAnswer: delta[Counter.noAnswer.rawValue] = 1
        case .failed: delta[Counter.failed.rawValue] = 1
        }
        if let sell = record.sell { delta[Counter.sellMicros.rawValue] = sell.micros } else { delta[Counter.unratedSell.rawValue] = 1 }
        if let buy = record.buy { delta[Counter.buyMicros.rawValue] = buy.micros } else { delta[Counter.unratedBuy.rawValue] = 1 }
        let change = RollupCounts(lanes: delta)
        self = sign < 0 ? self - change : self + change
    }

    /// The sum lane by lane, wrapped where it does not fit, and whether any counter wrapped (as Int64's).
    public func addingReportingOverflow(_ other: RollupCounts) -> (partialValue: RollupCounts, overflow: Bool) {
        let sum = lanes &+ other.lanes
        // A lane wrapped when both terms have the sign its sum lacks: one vector test for every lane at once, so
        // summing many buckets stays a tight loop.
        let wrapped = (lanes ^ sum) & (other.lanes ^ sum)
        return (RollupCounts(lanes: sum), any(wrapped .< 0))
    }

    /// The difference lane by lane, wrapped where it does not fit, and whether any counter wrapped (as Int64's).
    public func subtractingReportingOverflow(_ other: RollupCounts) -> (partialValue: RollupCounts, overflow: Bool) {
        let difference = lanes &- other.lanes
        // A lane wrapped when the terms' signs differ and the difference lacks the first one's.
        let wrapped = (lanes ^ other.lanes) & (lanes ^ difference)
        return (RollupCounts(lanes: difference), any(wrapped .< 0))
    }
}

extension RollupCounts: AdditiveArithmetic {
    public static var zero: RollupCounts { RollupCounts() }

    /// Stops the program when a counter does not fit in 64 bits, as Money's `+` does: a wrapped sum of money
    /// would be shown as a figure.
    public static func + (lhs: RollupCounts, rhs: RollupCounts) -> RollupCounts {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        precondition(!overflow, "a sum of call counters or money does not fit in 64 bits")
        return sum
    }

    public static func - (lhs: RollupCounts, rhs: RollupCounts) -> RollupCounts {
        let (difference, overflow) = lhs.subtractingReportingOverflow(rhs)
        precondition(!overflow, "a difference of call counters or money does not fit in 64 bits")
        return difference
    }
}

/// The counters of a set of calls (one rollup row, one summary cell): integers only, so any selection of them adds up
/// exactly. Kept in one vector indexed by `Counter`, so that adding two of them is one vector addition.
public struct RollupCounts: Sendable, Equatable {
    /// Indexed by `Counter.rawValue`; the lanes past the last counter stay zero.
    private var lanes = SIMD16<Int64>()

    public init() {}

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
        lanes &+= delta &* sign
    }
}

extension RollupCounts: AdditiveArithmetic {
    public static var zero: RollupCounts { RollupCounts() }

    public static func + (lhs: RollupCounts, rhs: RollupCounts) -> RollupCounts {
        var sum = lhs
        sum.lanes &+= rhs.lanes
        return sum
    }

    public static func - (lhs: RollupCounts, rhs: RollupCounts) -> RollupCounts {
        var difference = lhs
        difference.lanes &-= rhs.lanes
        return difference
    }
}

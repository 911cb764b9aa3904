/// The counters ASR, ACD and DTMF are computed from, for any set of calls. Added up across carriers, they give
/// the weighted figures of the set (never an average of ratios).
public struct QualityCounts: Sendable, Equatable, AdditiveArithmetic {
    public var attempts: Int64 = 0
    public var answered: Int64 = 0
    /// Billed seconds of the answered calls.
    public var billsec: Int64 = 0
    /// Answered calls whose source records DTMF.
    public var dtmfKnown: Int64 = 0
    /// Of those, the calls with at least one digit.
    public var dtmfCalls: Int64 = 0
    /// Digits sent in answered calls whose DTMF is known.
    public var dtmfDigits: Int64 = 0

    public init() {}

    /// The counters these are made of, the ones a quality figure reads from a rollup (6 of the 13, which is most of
    /// the cost of a rollup row).
    static let counters: [Counter] = [.attempts, .answered, .billsec, .dtmfKnown, .dtmfCalls, .dtmfDigits]

    public init(_ counts: RollupCounts) {
        attempts = counts.attempts
        answered = counts.answered
        billsec = counts.billsec
        dtmfKnown = counts.dtmfKnown
        dtmfCalls = counts.dtmfCalls
        dtmfDigits = counts.dtmfDigits
    }

    /// The same definitions as `TrafficFigures`: ASR % (nil with no attempt), ACD s (nil with none answered),
    /// DTMF share % of the answered calls whose DTMF is known (nil when none is: unknown is left out).
    private var figures: TrafficFigures {
        var counts = RollupCounts()
        counts.attempts = attempts
        counts.answered = answered
        counts.billsec = billsec
        counts.dtmfKnown = dtmfKnown
        counts.dtmfCalls = dtmfCalls
        counts.dtmfDigits = dtmfDigits
        return TrafficFigures(counts)
    }

    public var asr: Double? { figures.asr }
    public var acd: Double? { figures.acd }
    public var dtmfShare: Double? { figures.dtmfShare }
    /// Answered calls whose source does not record DTMF.
    public var dtmfUnknown: Int64 { answered - dtmfKnown }

    public static var zero: QualityCounts { QualityCounts() }

    public static func + (lhs: QualityCounts, rhs: QualityCounts) -> QualityCounts {
        var sum = lhs
        sum.attempts += rhs.attempts
        sum.answered += rhs.answered
        sum.billsec += rhs.billsec
        sum.dtmfKnown += rhs.dtmfKnown
        sum.dtmfCalls += rhs.dtmfCalls
        sum.dtmfDigits += rhs.dtmfDigits
        return sum
    }

    public static func - (lhs: QualityCounts, rhs: QualityCounts) -> QualityCounts {
        var difference = lhs
        difference.attempts -= rhs.attempts
        difference.answered -= rhs.answered
        difference.billsec -= rhs.billsec
        difference.dtmfKnown -= rhs.dtmfKnown
        difference.dtmfCalls -= rhs.dtmfCalls
        difference.dtmfDigits -= rhs.dtmfDigits
        return difference
    }
}

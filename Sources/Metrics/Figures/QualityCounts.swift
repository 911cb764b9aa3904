/// The counters ASR, ACD and DTMF are computed from, for any set of calls. Added up across carriers, they give
/// the weighted figures of the set (never an average of ratios). A view of six counters of a `RollupCounts`: the
/// others stay 0, and every figure is `TrafficFigures`'.
public struct QualityCounts: Sendable, Equatable, AdditiveArithmetic {
    /// Only the lanes of `counters` are ever non-zero.
    private var rollup = RollupCounts()

    /// The counters these are made of, the ones a quality figure reads from a rollup (6 of the 13, which is most of
    /// the cost of a rollup row).
    static let counters: [Counter] = [.attempts, .answered, .billsec, .dtmfKnown, .dtmfCalls, .dtmfDigits]

    public init() {}

    /// The quality counters of `counts` (the others are dropped).
    public init(_ counts: RollupCounts) {
        for counter in Self.counters { rollup[counter] = counts[counter] }
    }

    public var attempts: Int64 { get { rollup.attempts } set { rollup.attempts = newValue } }
    public var answered: Int64 { get { rollup.answered } set { rollup.answered = newValue } }
    /// Billed seconds of the answered calls.
    public var billsec: Int64 { get { rollup.billsec } set { rollup.billsec = newValue } }
    /// Answered calls whose source records DTMF.
    public var dtmfKnown: Int64 { get { rollup.dtmfKnown } set { rollup.dtmfKnown = newValue } }
    /// Of those, the calls with at least one digit.
    public var dtmfCalls: Int64 { get { rollup.dtmfCalls } set { rollup.dtmfCalls = newValue } }
    /// Digits sent in answered calls whose DTMF is known.
    public var dtmfDigits: Int64 { get { rollup.dtmfDigits } set { rollup.dtmfDigits = newValue } }

    /// The same definitions as `TrafficFigures`, which computes them: ASR % (nil with no attempt), ACD s (nil with
    /// none answered), DTMF share % of the answered calls whose DTMF is known (nil when none is: unknown is left out).
    var figures: TrafficFigures { TrafficFigures(rollup) }

    public var asr: Double? { figures.asr }
    public var acd: Double? { figures.acd }
    public var dtmfShare: Double? { figures.dtmfShare }
    /// Answered calls whose source does not record DTMF.
    public var dtmfUnknown: Int64 { figures.dtmfUnknown }

    public static var zero: QualityCounts { QualityCounts() }

    public static func + (lhs: QualityCounts, rhs: QualityCounts) -> QualityCounts {
        var sum = lhs
        sum.rollup += rhs.rollup
        return sum
    }

    public static func - (lhs: QualityCounts, rhs: QualityCounts) -> QualityCounts {
        var difference = lhs
        difference.rollup -= rhs.rollup
        return difference
    }
}

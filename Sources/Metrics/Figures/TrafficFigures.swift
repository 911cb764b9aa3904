/// The figures of a set of calls, kept as numerators and denominators so that any selection of them can be
/// added up and every ratio recomputed exactly (the "weighted" figure), never averaged from rounded values.
public struct TrafficFigures: Sendable, Equatable {
    public var counts: RollupCounts

    public init(_ counts: RollupCounts = RollupCounts()) { self.counts = counts }

    public var attempts: Int64 { counts.attempts }
    public var answered: Int64 { counts.answered }

    /// ASR = answered / attempts × 100; nil (N/A) when there were no attempts — never 0 %.
    public var asr: Double? {
        counts.attempts == 0 ? nil : Double(counts.answered) * 100 / Double(counts.attempts)
    }

    /// ACD = billed seconds of answered calls / answered calls; nil (N/A) when nothing was answered.
    public var acd: Double? {
        counts.answered == 0 ? nil : Double(counts.billsec) / Double(counts.answered)
    }

    /// Share of answered calls with at least one DTMF digit, over the answered calls whose source records DTMF;
    /// nil when none does ("unknown" is left out, never counted as zero).
    public var dtmfShare: Double? {
        counts.dtmfKnown == 0 ? nil : Double(counts.dtmfCalls) * 100 / Double(counts.dtmfKnown)
    }

    /// Answered calls whose source does not record DTMF.
    public var dtmfUnknown: Int64 { counts.answered - counts.dtmfKnown }

    public var spend: Money { Money(micros: counts.sellMicros) }
    public var providerCost: Money { Money(micros: counts.buyMicros) }
    public var profit: Money { Self.profit(spend: spend, cost: providerCost) }

    /// Profit = what customers were charged − what carriers charge: the one definition (`MoneyPoint` uses it too).
    static func profit(spend: Money, cost: Money) -> Money { spend - cost }

    public static func + (lhs: TrafficFigures, rhs: TrafficFigures) -> TrafficFigures {
        TrafficFigures(lhs.counts + rhs.counts)
    }

    public static func += (lhs: inout TrafficFigures, rhs: TrafficFigures) { lhs = lhs + rhs }
}

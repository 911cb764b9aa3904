import Metrics

/// Traffic counts built by hand, for views and figures tested without a store.
public enum Figures {
    /// A cell's or bucket's figures: `attempts` calls of which `answered` were, `billsec` billed seconds, DTMF known
    /// for `dtmfKnown` answered calls, `dtmfCalls` of them with digits (`dtmfDigits` in all), money in micros.
    public static func traffic(
        _ attempts: Int64 = 0, _ answered: Int64 = 0, billsec: Int64 = 0, dtmfKnown: Int64 = 0, dtmfCalls: Int64 = 0,
        dtmfDigits: Int64 = 0, sell: Int64 = 0, buy: Int64 = 0
    ) -> TrafficFigures {
        var counts = RollupCounts()
        counts.attempts = attempts
        counts.answered = answered
        counts.billsec = billsec
        counts.dtmfKnown = dtmfKnown
        counts.dtmfCalls = dtmfCalls
        counts.dtmfDigits = dtmfDigits
        counts.sellMicros = sell
        counts.buyMicros = buy
        return TrafficFigures(counts)
    }

    /// A carrier's quality counts, with the same meaning as `traffic`'s.
    public static func quality(
        _ attempts: Int64 = 0, _ answered: Int64 = 0, billsec: Int64 = 0, dtmfKnown: Int64 = 0, dtmfCalls: Int64 = 0,
        dtmfDigits: Int64 = 0
    ) -> QualityCounts {
        QualityCounts(traffic(attempts, answered, billsec: billsec, dtmfKnown: dtmfKnown, dtmfCalls: dtmfCalls,
                              dtmfDigits: dtmfDigits).counts)
    }
}

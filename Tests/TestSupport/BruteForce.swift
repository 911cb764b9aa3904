import Metrics

/// Independent recounts over raw records for the pane tests: the DESIGN.md definitions written out again, not
/// the engine's `RollupCounts.add`.
public enum BruteForce {
    public static func isAnswered(_ record: CallRecord) -> Bool { record.answerAt != nil && record.billsec > 0 }

    public static func counts(_ records: [CallRecord]) -> RollupCounts {
        var counts = RollupCounts()
        for record in records {
            counts.attempts += 1
            if isAnswered(record) {
                counts.answered += 1
                counts.billsec += Int64(record.billsec)
                if let digits = record.dtmfDigits {
                    counts.dtmfKnown += 1
                    counts.dtmfDigits += Int64(digits)
                    if digits >= 1 { counts.dtmfCalls += 1 }
                }
            } else if record.disposition == .busy {
                counts.busy += 1
            } else if record.disposition == .failed || record.disposition == .congestion {
                counts.failed += 1
            } else {
                counts.noAnswer += 1
            }
            if let sell = record.sell { counts.sellMicros += sell.micros } else { counts.unratedSell += 1 }
            if let buy = record.buy { counts.buyMicros += buy.micros } else { counts.unratedBuy += 1 }
        }
        return counts
    }

    /// ASR in percent over raw records, nil with none.
    public static func asr(_ records: [CallRecord]) -> Double? {
        records.isEmpty ? nil : Double(records.filter(isAnswered).count) * 100 / Double(records.count)
    }

    /// ACD in seconds, nil with nothing answered.
    public static func acd(_ records: [CallRecord]) -> Double? {
        let answered = records.filter(isAnswered)
        return answered.isEmpty ? nil : Double(answered.reduce(0) { $0 + $1.billsec }) / Double(answered.count)
    }

    /// Share (percent) of answered calls with a digit among answered calls whose DTMF is known; nil when none is.
    public static func dtmfShare(_ records: [CallRecord]) -> Double? {
        let known = records.filter { isAnswered($0) && $0.dtmfDigits != nil }
        return known.isEmpty ? nil : Double(known.filter { $0.dtmfDigits! > 0 }.count) * 100 / Double(known.count)
    }

    /// Seconds of [start, end) inside [from, to).
    public static func overlap(_ start: Int64, _ end: Int64, _ from: Int64, _ to: Int64) -> Int64 {
        max(0, min(end, to) - max(start, from))
    }
}

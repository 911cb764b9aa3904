import Metrics

/// What a history graph draws: buckets of `step` seconds from `start` (UTC), one or two series on one scale,
/// labelled in `zone`, with caption segments below.
struct HistoryGraphModel: Equatable, Sendable {
    /// UTC start of the first bucket.
    var start: Int64
    var step: Int64
    /// Drawn as bars (an area).
    var primary: GraphSeries
    /// Drawn as points over the bars, so the two read apart without colour; the caption starts with a legend.
    var secondary: GraphSeries?
    var format: GraphValueFormat
    var zone: GraphZone
    /// Segments such as "now 51" or "peak 7/s at 14:03:17", each shown whole or not at all.
    var caption: [String]

    var bucketCount: Int { max(primary.values.count, secondary?.values.count ?? 0) }
}

// MARK: - The dashboard's graphs, from a history snapshot

extension HistoryGraphModel {
    private static func on(_ history: HistorySnapshot, _ primary: GraphSeries, _ secondary: GraphSeries? = nil,
                           format: GraphValueFormat, zone: GraphZone, caption: [String]) -> HistoryGraphModel {
        HistoryGraphModel(start: history.from, step: history.step, primary: primary, secondary: secondary,
                          format: format, zone: zone, caption: caption)
    }

    private static func units(_ money: Money) -> Double { Double(money.micros) / Double(Money.microsPerUnit) }

    /// Average channels in use per bucket: "now 51  max 60".
    static func channels(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let values = history.channels
        return on(history, GraphSeries(label: "channels", values: values), format: .count, zone: zone, caption: [
            "now " + GraphValueFormat.count.text(values.last ?? 0), "max " + GraphValueFormat.count.text(values.max() ?? 0),
        ])
    }

    /// Calls per second per bucket (bars) and each bucket's busiest second (points), with the range's peak.
    static func cps(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let peak = history.peak
        var caption = ["now " + NumberText.decimal(history.cps.last ?? 0) + "/s",
                       "max " + NumberText.decimal(history.cps.max() ?? 0) + "/s"]
        if let second = peak.peakSecond {
            caption.append("peak \(NumberText.grouped(Int(peak.peak)))/s at \(zone.clock(second, seconds: true))")
        }
        return on(history, GraphSeries(label: "cps", values: history.cps),
                  GraphSeries(label: "peak", values: history.peakAttempts.map(Double.init)),
                  format: .decimal, zone: zone, caption: caption)
    }

    /// Customer spend (bars) against provider cost (points), with the range's totals.
    static func spendAndCost(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let total = history.total
        return on(history, GraphSeries(label: "spend", values: history.money.map { units($0.spend) }),
                  GraphSeries(label: "cost", values: history.money.map { units($0.cost) }), format: .money, zone: zone,
                  caption: ["spend " + NumberText.money(total.spend), "cost " + NumberText.money(total.providerCost),
                            "profit " + NumberText.money(total.profit)])
    }

    /// Profit per bucket, below zero for a loss, with the range's total and its worst bucket.
    static func profit(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let money = history.money
        var caption = ["profit " + NumberText.money(history.total.profit)]
        if let worst = money.min(by: { $0.profit < $1.profit }), worst.profit.micros < 0 {
            caption.append("worst " + NumberText.money(worst.profit) + " at " + label(worst.bucket, history, zone))
        } else if let best = money.max(by: { $0.profit < $1.profit }), best.profit.micros > 0 {
            caption.append("best " + NumberText.money(best.profit) + " at " + label(best.bucket, history, zone))
        }
        return on(history, GraphSeries(label: "profit", values: money.map { units($0.profit) }), format: .money,
                  zone: zone, caption: caption)
    }

    /// The daily profit and loss of the last seven days. Days are UTC days, like the summaries, and labelled so.
    static func dailyProfit(_ history: HistorySnapshot) -> HistoryGraphModel {
        let days = history.daily
        let week = days.reduce(Money(micros: 0)) { $0 + $1.profit }
        return HistoryGraphModel(
            start: days.first?.bucket ?? history.from, step: 86_400,
            primary: GraphSeries(label: "profit", values: days.map { units($0.profit) }), secondary: nil,
            format: .money, zone: .utc,
            caption: ["today " + NumberText.money(days.last?.profit ?? Money(micros: 0)),
                      "7 d " + NumberText.money(week), "UTC days"])
    }

    /// Registrations at the end of each bucket.
    static func registrations(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let values = history.registrations
        return on(history, GraphSeries(label: "registrations", values: values.map(Double.init)), format: .count,
                  zone: zone, caption: ["now \(NumberText.grouped(values.last ?? 0))",
                                        "max \(NumberText.grouped(values.max() ?? 0))",
                                        "min \(NumberText.grouped(values.min() ?? 0))"])
    }

    /// ASR per bucket for the whole network (a gap where a bucket had no attempt), and over the range.
    static func asr(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        on(history, GraphSeries(label: "ASR", values: history.figures.map(\.asr)), format: .percent, zone: zone,
           caption: ["ASR " + (history.total.asr.map(NumberText.percent) ?? "N/A")])
    }

    /// ACD per bucket (a gap where nothing was answered), and over the range.
    static func acd(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        on(history, GraphSeries(label: "ACD", values: history.figures.map(\.acd)), format: .duration, zone: zone,
           caption: ["ACD " + (history.total.acd.map(NumberText.minutesSeconds) ?? "N/A")])
    }

    /// DTMF share per bucket (a gap where no answered call's DTMF is known), and over the range with its digits.
    static func dtmf(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let total = history.total
        return on(history, GraphSeries(label: "DTMF", values: history.figures.map(\.dtmfShare)), format: .percent,
                  zone: zone, caption: ["DTMF " + (total.dtmfShare.map(NumberText.percent) ?? "N/A"),
                                        "\(NumberText.grouped(Int(total.counts.dtmfDigits))) digits"])
    }

    /// A bucket's start as the axis names it: a time of day, or a date for day buckets.
    private static func label(_ bucket: Int64, _ history: HistorySnapshot, _ zone: GraphZone) -> String {
        history.step >= 86_400 ? zone.date(bucket) : zone.clock(bucket)
    }
}

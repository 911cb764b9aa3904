import Metrics

/// Summary figures as text, for the screen (grouped, rounded to what a glance needs) and for exports (exact:
/// integers as integers, money from micros — never through a binary floating-point sum). Ratios are the ones
/// `TrafficFigures` computes, only rounded here: a view formats figures, it does not work them out again.
enum FigureText {
    /// What a cell with no value (ASR without attempts, ACD without answered calls) shows.
    static let notApplicable = "N/A"

    /// Decimals of ratios (ASR, ACD, DTMF share) on screen and in exports.
    static let screenRatioDecimals = 1
    static let exportRatioDecimals = 2

    // MARK: Cells

    /// A cell on screen: "1,234", "45.2%", "83.5", "1,234.56"; nil where the figure is N/A.
    static func cell(_ figures: TrafficFigures, metric: CellMetric, moneyDecimals: Int = 2) -> String? {
        switch metric {
        case .attempts: return integer(figures.attempts, grouped: true)
        case .answered: return integer(figures.answered, grouped: true)
        case .asr, .dtmfShare:
            return ratio(figures, metric, decimals: screenRatioDecimals, grouped: true).map { $0 + "%" }
        case .acd:
            return ratio(figures, metric, decimals: screenRatioDecimals, grouped: true)
        case .spend, .providerCost, .profit:
            return money(micros: micros(of: figures, metric), decimals: moneyDecimals, grouped: true)
        }
    }

    /// A cell in an export: "1234", "45.23", "83.50", "1234.56" — no grouping or units, so spreadsheets read
    /// numbers; nil where the figure is N/A.
    static func exact(_ figures: TrafficFigures, metric: CellMetric, moneyDecimals: Int = 2) -> String? {
        switch metric {
        case .attempts: return integer(figures.attempts, grouped: false)
        case .answered: return integer(figures.answered, grouped: false)
        case .asr, .acd, .dtmfShare:
            return ratio(figures, metric, decimals: exportRatioDecimals, grouped: false)
        case .spend, .providerCost, .profit:
            return money(micros: micros(of: figures, metric), decimals: moneyDecimals, grouped: false)
        }
    }

    /// The micros of a money metric (0 for the others).
    static func micros(of figures: TrafficFigures, _ metric: CellMetric) -> Int64 {
        switch metric {
        case .spend: return figures.spend.micros
        case .providerCost: return figures.providerCost.micros
        case .profit: return figures.profit.micros
        default: return 0
        }
    }

    static func isMoney(_ metric: CellMetric) -> Bool { [.spend, .providerCost, .profit].contains(metric) }

    // MARK: Numbers

    /// "1,234,567" or "1234567".
    static func integer(_ value: Int64, grouped: Bool) -> String {
        grouped ? group(String(value.magnitude), negative: value < 0) : String(value)
    }

    /// Money from micros with exactly `decimals` places (0...6), rounded half away from zero.
    static func money(micros: Int64, decimals: Int, grouped: Bool) -> String {
        let text = Money(micros: micros).formatted(decimals: decimals)
        guard grouped else { return text }
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", maxSplits: 1)
        let whole = group(String(parts.first ?? "0"), negative: negative)
        return parts.count == 2 ? whole + "." + parts[1] : whole
    }

    /// The ratio `metric` reads from `figures` (ASR, ACD, DTMF share) with `decimals` places; nil where it is N/A.
    private static func ratio(_ figures: TrafficFigures, _ metric: CellMetric, decimals: Int, grouped: Bool) -> String? {
        metric.value(of: figures).map { fixed($0, decimals: decimals, grouped: grouped) }
    }

    /// A double with `decimals` places (0...6), rounded half away from zero: the ratios of `TrafficFigures` and the
    /// averages of averages (means of doubles by definition).
    static func fixed(_ value: Double, decimals: Int, grouped: Bool) -> String {
        let places = max(0, min(6, decimals))
        guard value.isFinite else { return notApplicable }
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        guard (value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero) < 9.0e18 else { return notApplicable }
        let rounded = decimalRounded(value.magnitude, places: places)
        return scaledText(rounded, scale: scale, places: places, negative: value < 0 && rounded != 0, grouped: grouped)
    }

    /// `magnitude` × 10^places rounded half away from zero, from the shortest decimal that reads back as the double
    /// (its `description`), not from its binary expansion: an ACD of 189 s over 40 calls is stored as 4.72499…, and
    /// must round as the 4.725 it is, to 4.73.
    private static func decimalRounded(_ magnitude: Double, places: Int) -> UInt64 {
        var text = Substring(magnitude.description)  // "4.725", "5e-05", "1.2e+16"
        var exponent = 0
        if let e = text.firstIndex(of: "e") {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var digits = parts.joined().compactMap(\.wholeNumberValue)
        // How many of the digits are left of the point once the value is scaled by 10^places.
        let kept = parts[0].count + exponent + places
        guard kept >= 0 else { return 0 }  // under a tenth of the last place
        if digits.count <= kept { digits += Array(repeating: 0, count: kept + 1 - digits.count) }
        let whole = digits[..<kept].reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
        return digits[kept] >= 5 ? whole + 1 : whole
    }

    private static func scaledText(_ rounded: UInt64, scale: UInt64, places: Int, negative: Bool, grouped: Bool) -> String {
        let whole = String(rounded / scale)
        var text = grouped ? group(whole, negative: negative) : (negative ? "-" : "") + whole
        if places > 0 {
            let fraction = String(rounded % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// Digits with a comma every three from the right.
    private static func group(_ digits: String, negative: Bool) -> String {
        var out = negative ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

extension CellMetric {
    /// The metric as a column heading: the unit is in the name so cells can be bare numbers.
    var label: String {
        switch self {
        case .attempts: return "Attempts"
        case .answered: return "Answered"
        case .asr: return "ASR %"
        case .acd: return "ACD s"
        case .dtmfShare: return "DTMF %"
        case .spend: return "Spend"
        case .providerCost: return "Provider cost"
        case .profit: return "Profit"
        }
    }
}

extension SummaryPeriod {
    var label: String {
        switch self {
        case .live: return "Live"
        case .daily: return "Daily"
        case .weekly: return "Weekly"
        case .monthly: return "Monthly"
        }
    }
}

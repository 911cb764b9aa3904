/// The counters every rollup row, summary cell and figure is built from: the one place they are listed. Storage,
/// arithmetic, binding, decoding and DDL are loops over `allCases`; ratios are taken from them in `TrafficFigures`.
public enum Counter: Int, CaseIterable, Sendable {
    case attempts
    case answered
    case busy
    case noAnswer
    case failed
    /// Billed seconds of answered calls.
    case billsec
    /// Answered calls whose source records DTMF.
    case dtmfKnown
    /// Answered calls with at least one DTMF digit.
    case dtmfCalls
    case dtmfDigits
    /// What customers were charged (rated calls only), in micro-units.
    case sellMicros
    /// What carriers charge (rated calls only), in micro-units.
    case buyMicros
    /// Calls no sell rate matched.
    case unratedSell
    /// Calls no buy rate matched.
    case unratedBuy

    /// The counter's name where one is shown or stored (reports, benchmarks, SQL columns): snake case.
    public var name: String {
        switch self {
        case .attempts: return "attempts"
        case .answered: return "answered"
        case .busy: return "busy"
        case .noAnswer: return "no_answer"
        case .failed: return "failed"
        case .billsec: return "billsec"
        case .dtmfKnown: return "dtmf_known"
        case .dtmfCalls: return "dtmf_calls"
        case .dtmfDigits: return "dtmf_digits"
        case .sellMicros: return "sell_micros"
        case .buyMicros: return "buy_micros"
        case .unratedSell: return "unrated_sell"
        case .unratedBuy: return "unrated_buy"
        }
    }
}

extension Counter {
    /// The column that holds the counter in every SQLite rollup table (docs/schema.md).
    var column: String {
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

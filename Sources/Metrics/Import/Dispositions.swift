/// How switches spell the end of a call, read into `Disposition`.
enum Dispositions {
    /// Asterisk: ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION (any case), or the numbers cdr_custom writes
    /// for `disposition(int64)`: 0 no answer, 1 (NULL) no answer, 2 failed, 4 busy, 8 answered, 16 congestion.
    static let asteriskExpected = "ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION"

    static func asterisk(_ bytes: UnsafeBufferPointer<UInt8>) -> Disposition? {
        if matches(bytes, "ANSWERED") || matches(bytes, "8") { return .answered }
        if matches(bytes, "NO ANSWER") || matches(bytes, "0") || matches(bytes, "1") { return .noAnswer }
        if matches(bytes, "BUSY") || matches(bytes, "4") { return .busy }
        if matches(bytes, "FAILED") || matches(bytes, "2") { return .failed }
        if matches(bytes, "CONGESTION") || matches(bytes, "16") { return .congestion }
        return nil
    }

    /// Native: answered, no_answer, busy, failed, congestion (any case; "NO ANSWER" too).
    static let nativeExpected = "answered, no_answer, busy, failed or congestion"

    static func native(_ bytes: UnsafeBufferPointer<UInt8>) -> Disposition? {
        if matches(bytes, "ANSWERED") { return .answered }
        if matches(bytes, "NO_ANSWER") || matches(bytes, "NO ANSWER") { return .noAnswer }
        if matches(bytes, "BUSY") { return .busy }
        if matches(bytes, "FAILED") { return .failed }
        if matches(bytes, "CONGESTION") { return .congestion }
        return nil
    }

    /// An unanswered call's disposition from its Q.850 hangup cause (FreeSWITCH names): busy, no answer for the
    /// causes that mean nobody picked up (NORMAL_CLEARING included: it does not mean answered), congestion,
    /// and failed for the rest.
    static func unanswered(cause: String?) -> Disposition {
        switch cause {
        case "USER_BUSY": return .busy
        case "NO_ANSWER", "NO_USER_RESPONSE", "ORIGINATOR_CANCEL", "NORMAL_CLEARING": return .noAnswer
        case "NORMAL_CIRCUIT_CONGESTION", "SWITCH_CONGESTION": return .congestion
        default: return .failed
        }
    }

    /// Whether `bytes` spell `word` (upper-case ASCII), ignoring the case of letters.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            guard upper == letters[index] else { return false }
        }
        return true
    }
}

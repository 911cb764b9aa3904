/// A dialled number as rating reads it.
enum DialledNumber {
    /// Calls `body` with the number's digits (values 0–9), without a leading international "00" (a leading "+"
    /// drops nothing more: what follows it is the country code).
    static func withDigits<T>(of dialled: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        // Numbers are short: the digits go to a buffer on the stack (a longer number is cut at 32 digits, beyond
        // any rate card's prefix).
        var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var count = 0
            var first: UInt8?
            for byte in dialled.utf8 {
                if first == nil { first = byte }
                if byte >= 48 && byte <= 57, count < buffer.count {
                    buffer[count] = byte - 48
                    count += 1
                }
            }
            var start = 0
            if first != UInt8(ascii: "+"), count >= 2, buffer[0] == 0, buffer[1] == 0 { start = 2 }
            return body(UnsafeBufferPointer(start: buffer.baseAddress! + start, count: count - start))
        }
    }
}

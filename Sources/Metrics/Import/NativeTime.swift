/// Times in a native CSV: ISO 8601 with a zone (`2024-05-01T10:00:00Z`, `2024-05-01 12:00:00+02:00`, `+0200`,
/// `+02`, optional fraction of a second, dropped), the same without a zone (wall clock of the source's zone, UTC
/// unless the source has one), or Unix seconds (`1714557600`).
enum NativeTime {
    static let expected = "an ISO 8601 time (e.g. 2024-05-01T10:00:00Z), YYYY-MM-DD HH:MM:SS or Unix seconds"

    static func seconds(_ bytes: UnsafeBufferPointer<UInt8>, local: LocalTimeParser) -> Int64? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard !text.isEmpty else { return nil }
        if let epoch = unixSeconds(text) { return epoch }
        guard text.count >= 19, text[4] == 0x2D, text[7] == 0x2D, text[10] == 0x54 || text[10] == 0x74 || text[10] == 0x20,
              text[13] == 0x3A, text[16] == 0x3A,
              let wall = LocalTimeParser.wallClock(text, dateAt: 0, timeAt: 11)
        else { return nil }
        var index = 19
        if index < text.count, text[index] == 0x2E || text[index] == 0x2C {
            index += 1
            let digits = index
            while index < text.count, text[index] &- 48 <= 9 { index += 1 }
            guard index > digits else { return nil }
        }
        if index == text.count { return local.utc(fromLocal: wall) }
        if text[index] == 0x20 { index += 1 }
        guard index < text.count else { return nil }
        switch text[index] {
        case 0x5A, 0x7A:  // Z
            return index + 1 == text.count ? wall : nil
        case 0x2B, 0x2D:  // + or -
            let sign: Int64 = text[index] == 0x2B ? 1 : -1
            let rest = UnsafeBufferPointer(rebasing: text[(index + 1)...])
            func two(_ at: Int) -> Int64? {
                guard at + 1 < rest.count, rest[at] &- 48 <= 9, rest[at + 1] &- 48 <= 9 else { return nil }
                return Int64(rest[at] - 48) * 10 + Int64(rest[at + 1] - 48)
            }
            guard let hours = two(0), hours < 24 else { return nil }
            var minutes: Int64 = 0
            switch rest.count {
            case 2: break
            case 4: guard let value = two(2) else { return nil }; minutes = value
            case 5: guard rest[2] == 0x3A, let value = two(3) else { return nil }; minutes = value
            default: return nil
            }
            guard minutes < 60 else { return nil }
            return wall - sign * (hours * 3_600 + minutes * 60)
        default:
            return nil
        }
    }

    /// Digits, optionally with a fraction: whole Unix seconds (the fraction dropped).
    static func unixSeconds(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var value: Int64 = 0
        var index = 0
        while index < text.count, text[index] &- 48 <= 9 {
            guard index < 12 else { return nil }
            value = value * 10 + Int64(text[index] - 48)
            index += 1
        }
        guard index > 0 else { return nil }
        if index == text.count { return value }
        guard text[index] == 0x2E, index + 1 < text.count else { return nil }
        for byte in text[(index + 1)...] where byte &- 48 > 9 { return nil }
        return value
    }
}

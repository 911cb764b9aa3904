/// The name in an Asterisk caller ID: `"Alice Smith" <1000>` gives `Alice Smith`, `Alice <1000>` gives `Alice`,
/// `"" <1000>` and `<1000>` give an empty name; a caller ID without `<number>` is taken whole.
enum CallerID {
    static func name(_ clid: UnsafeBufferPointer<UInt8>) -> String {
        guard let open = clid.lastIndex(of: 0x3C), clid[open...].contains(0x3E) else {
            return String(decoding: clid, as: UTF8.self)
        }
        var start = 0
        var end = open
        while end > start, clid[end - 1] == 0x20 { end -= 1 }
        while start < end, clid[start] == 0x20 { start += 1 }
        if end - start >= 2, clid[start] == 0x22, clid[end - 1] == 0x22 {
            start += 1
            end -= 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: clid[start..<end]), as: UTF8.self)
    }
}

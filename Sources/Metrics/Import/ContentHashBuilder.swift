/// `ContentHash` of bytes given in parts (a file read a piece at a time), equal to the hash of the whole: the total
/// length is known first, and every part but the last is a whole number of 8-byte words.
struct ContentHashBuilder {
    private var a: UInt64
    private var b: UInt64
    private let count: Int
    private var added = 0
    /// The last part's bytes past its last whole word.
    private var tail: [UInt8] = []

    init(count: Int) {
        self.count = count
        a = 0x243F_6A88_85A3_08D3 ^ UInt64(count)
        b = 0x1319_8A2E_0370_7344 &+ UInt64(count)
    }

    /// Adds the next part; only the last may end mid-word.
    mutating func add(_ part: UnsafeRawBufferPointer) {
        precondition(tail.isEmpty, "a part after one that ended mid-word")
        let words = part.count / 8
        for index in 0..<words {
            let word = UInt64(littleEndian: part.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            a = ContentHash.mix(a ^ word, 0x9E37_79B9_7F4A_7C15)
            b = ContentHash.mix(b &+ word, 0xC2B2_AE3D_27D4_EB4F)
        }
        tail = Array(part[(words * 8)...])
        added += part.count
    }

    /// The hash, once every byte of `count` was added (nil otherwise: the input was not what its length said).
    func finish() -> ContentHash? {
        guard added == count else { return nil }
        var a = self.a, b = self.b
        var last: UInt64 = 0
        for byte in tail.reversed() { last = last << 8 | UInt64(byte) }
        a = ContentHash.mix(a ^ last ^ 0xFF, 0x9E37_79B9_7F4A_7C15)
        b = ContentHash.mix(b &+ last &+ 0xFF, 0xC2B2_AE3D_27D4_EB4F)
        return ContentHash(high: ContentHash.finalise(a ^ (b >> 1)), low: ContentHash.finalise(b ^ (a << 1)))
    }
}

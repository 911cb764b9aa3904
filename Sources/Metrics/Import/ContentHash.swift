/// A 128-bit fingerprint of bytes, fast enough to run over every row of an import (several GB/s).
///
/// It names files and rows so a re-import recognises them; it is not a defence against someone forging a
/// collision on purpose (the store is not a security boundary). Two independent 64-bit lanes, each mixing eight
/// bytes at a time with the wyhash/murmur finaliser constants, keep accidental collisions out of reach
/// (≈ n²/2¹²⁹ for n rows).
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init<Bytes: Collection>(of bytes: Bytes) where Bytes.Element == UInt8 {
        if let hash = bytes.withContiguousStorageIfAvailable({ ContentHash(buffer: UnsafeRawBufferPointer($0)) }) {
            self = hash
        } else {
            self = Array(bytes).withUnsafeBytes { ContentHash(buffer: $0) }
        }
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(of text: String) {
        var text = text
        self = text.withUTF8 { ContentHash(buffer: UnsafeRawBufferPointer($0)) }
    }

    init(buffer: UnsafeRawBufferPointer) {
        var a: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(buffer.count)
        var b: UInt64 = 0x1319_8A2E_0370_7344 &+ UInt64(buffer.count)
        let words = buffer.count / 8
        for index in 0..<words {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            a = ContentHash.mix(a ^ word, 0x9E37_79B9_7F4A_7C15)
            b = ContentHash.mix(b &+ word, 0xC2B2_AE3D_27D4_EB4F)
        }
        var tail: UInt64 = 0
        for offset in stride(from: buffer.count - 1, through: words * 8, by: -1) {
            tail = tail << 8 | UInt64(buffer[offset])
        }
        a = ContentHash.mix(a ^ tail ^ 0xFF, 0x9E37_79B9_7F4A_7C15)
        b = ContentHash.mix(b &+ tail &+ 0xFF, 0xC2B2_AE3D_27D4_EB4F)
        high = ContentHash.finalise(a ^ (b >> 1))
        low = ContentHash.finalise(b ^ (a << 1))
    }

    /// 32 lowercase hex digits.
    public var description: String {
        // Once per imported row: fill the 32 digits directly rather than formatting and padding.
        String(unsafeUninitializedCapacity: 32) { buffer in
            let digits: StaticString = "0123456789abcdef"
            for index in 0..<32 {
                let word = index < 16 ? high : low
                let nibble = Int(word >> UInt64(60 - (index % 16) * 4) & 0xF)
                buffer[index] = digits.utf8Start[nibble]
            }
            return 32
        }
    }

    static func mix(_ value: UInt64, _ multiplier: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: multiplier)
        return product.high ^ product.low
    }

    static func finalise(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}

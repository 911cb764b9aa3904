import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP, HMAC-SHA1, 30-second steps, 6 digits: what
/// authenticator apps expect from an otpauth:// URI without parameters). The clock is the caller's.
public struct TOTP: Sendable, Equatable {
    public var secret: [UInt8]
    public var digits: Int
    public var period: Int64

    public init(secret: [UInt8], digits: Int = 6, period: Int64 = 30) {
        self.secret = secret
        self.digits = digits
        self.period = period
    }

    /// A new 160-bit secret (RFC 4226 recommends 160 bits), from the system's generator.
    public static func newSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// The time step `time` (Unix seconds) falls in.
    public func step(at time: Int64) -> Int64 { time >= 0 ? time / period : (time - period + 1) / period }

    /// RFC 4226 section 5.3: HMAC-SHA1 of the 8-byte big-endian counter, dynamically truncated.
    public func code(step: Int64) -> String {
        let counter = withUnsafeBytes(of: UInt64(bitPattern: step).bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    public func code(at time: Int64) -> String { code(step: step(at: time)) }

    /// The step `code` is valid for at `time`, allowing one step of clock drift either way; nil if none. The caller
    /// refuses a step at or before the last one accepted, so a code works once.
    public func matchingStep(_ code: String, at time: Int64) -> Int64? {
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == digits else { return nil }
        let now = step(at: time)
        return [now, now - 1, now + 1].first { self.code(step: $0) == typed }
    }

    /// What an authenticator app scans: otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=… (Key Uri Format).
    public func uri(issuer: String, account: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        func escaped(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        var uri = "otpauth://totp/\(escaped(issuer)):\(escaped(account))?secret=\(Base32.encode(secret))"
        uri += "&issuer=\(escaped(issuer))"
        if digits != 6 { uri += "&digits=\(digits)" }
        if period != 30 { uri += "&period=\(period)" }
        return uri
    }
}

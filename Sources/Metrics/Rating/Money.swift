import Foundation

/// Money as fixed-point integers: one micro is a millionth of the currency unit, so per-minute rates such as
/// 0.0125 are exact and sums never go through binary floating point.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let microsPerUnit: Int64 = 1_000_000
    public var micros: Int64

    public init(micros: Int64) { self.micros = micros }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.micros < rhs.micros }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(micros: lhs.micros + rhs.micros) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(micros: lhs.micros - rhs.micros) }

    /// Parses a decimal amount such as "12", "-0.0125" or "3.5" exactly; nil for anything else or more than six
    /// decimals.
    public init?(decimal text: String) {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        let negative = digits.hasPrefix("-")
        if negative || digits.hasPrefix("+") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty || parts.count == 2,
              whole.allSatisfy(\.isASCIIDigit), whole.count <= 12 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 6, fraction.allSatisfy(\.isASCIIDigit), !(whole.isEmpty && fraction.isEmpty) else {
            return nil
        }
        let padded = fraction + String(repeating: "0", count: 6 - fraction.count)
        let value = (Int64(whole) ?? 0) * Money.microsPerUnit + (Int64(padded) ?? 0)
        micros = negative ? -value : value
    }

    /// The amount with `decimals` places (0...6), rounded half away from zero.
    public func formatted(decimals: Int = 2) -> String {
        let places = max(0, min(6, decimals))
        var step: Int64 = 1
        for _ in 0..<(6 - places) { step *= 10 }
        let magnitude = micros.magnitude
        let rounded = (magnitude + UInt64(step / 2)) / UInt64(step)
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let whole = rounded / scale
        var text = micros < 0 && rounded != 0 ? "-" : ""
        text += String(whole)
        if places > 0 {
            let fraction = String(rounded % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    public var description: String { formatted(decimals: 6) }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}

import Metrics

/// Numbers as people read them on a wall: "1,234,567".
enum NumberText {
    static func grouped(_ value: Int) -> String {
        // Bytes rather than Characters: a frame formats hundreds of numbers a second.
        let digits = Array(String(value.magnitude).utf8)
        var out: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension NumberText {
    /// "1,234.56", "-0.01": money from its micros with grouped units, rounded half away from zero.
    static func money(_ money: Money, decimals: Int = 2) -> String {
        let plain = money.formatted(decimals: decimals)
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var digits = String(parts[0])
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        return (negative ? "-" : "") + grouped + (parts.count == 2 ? "." + parts[1] : "")
    }

    /// "3.2": one decimal, rounded half away from zero; "-0.0" never shows.
    static func decimal(_ value: Double, places: Int = 1) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero)
        let magnitude = Int64(abs(rounded))
        let whole = grouped(Int(magnitude / Int64(scale)))
        var text = rounded < 0 ? "-" + whole : whole
        if places > 0 {
            let fraction = String(magnitude % Int64(scale))
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// "2:31": seconds as minutes and seconds (minutes may pass 59), rounded to the second.
    static func minutesSeconds(_ seconds: Double) -> String {
        let total = Int64(max(0, seconds).rounded(.toNearestOrAwayFromZero))
        let rest = total % 60
        return "\(total / 60):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// "45.2%".
    static func percent(_ value: Double) -> String { decimal(value) + "%" }
}

/// How many decimals a currency's minor unit has (ISO 4217): what a payable total is rounded to.
public enum CurrencyUnits {
    static let exceptions: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0, "RWF": 0,
        "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    ]

    /// 2 unless the currency is one with 0 or 3.
    public static func decimals(_ currency: String) -> Int { exceptions[currency] ?? 2 }

    /// `amount` rounded half away from zero to the currency's minor unit.
    public static func rounded(_ amount: Money, currency: String) -> Money {
        var step: Int64 = 1
        for _ in 0..<(6 - decimals(currency)) { step *= 10 }
        let magnitude = (amount.micros.magnitude + UInt64(step / 2)) / UInt64(step) * UInt64(step)
        return Money(micros: amount.micros < 0 ? -Int64(magnitude) : Int64(magnitude))
    }
}

/// One line of an invoice. Usage lines carry calls, billed seconds and (per destination) the rate per minute; tax
/// lines the rate in millionths; the rounding line the difference between the exact total and the payable one.
public struct InvoiceLine: Sendable, Hashable {
    public enum Kind: String, Sendable { case usage, tax, rounding }

    public var kind: Kind
    /// The destination ("41 Switzerland"), the day ("2026-10-03"), the tax ("VAT 23%") or "Rounding".
    public var description: String
    /// The rate card prefix of a destination line.
    public var prefix: String?
    /// The first instant of a day line's local day.
    public var day: Int64?
    public var calls: Int
    public var billedSeconds: Int64
    /// Per minute for a destination line (nil when its calls were priced at more than one rate); the tax rate in
    /// millionths for a tax line.
    public var rate: Int64?
    public var amount: Money

    public init(kind: Kind, description: String, prefix: String? = nil, day: Int64? = nil, calls: Int = 0,
                billedSeconds: Int64 = 0, rate: Int64? = nil, amount: Money) {
        self.kind = kind
        self.description = description
        self.prefix = prefix
        self.day = day
        self.calls = calls
        self.billedSeconds = billedSeconds
        self.rate = rate
        self.amount = amount
    }
}

/// A CDR behind an invoice, as its CSV export lists it. Text is as stored (writers of output sanitise it).
public struct InvoicedCDR: Sendable, Hashable {
    public var id: Int64
    public var startAt: Int64
    public var answerAt: Int64?
    public var endAt: Int64
    public var billsec: Int
    public var src: String
    public var dst: String
    public var callerName: String
    public var charge: Money

    public init(id: Int64, startAt: Int64, answerAt: Int64?, endAt: Int64, billsec: Int, src: String, dst: String,
                callerName: String, charge: Money) {
        self.id = id
        self.startAt = startAt
        self.answerAt = answerAt
        self.endAt = endAt
        self.billsec = billsec
        self.src = src
        self.dst = dst
        self.callerName = callerName
        self.charge = charge
    }
}

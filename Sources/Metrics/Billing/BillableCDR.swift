/// A rated, answered CDR as an invoice is made from it: its dialled number finds its destination, its rated
/// charge (exact, as stored at import) is what it adds.
public struct BillableCDR: Sendable, Hashable {
    public var id: Int64
    public var startAt: Int64
    public var billsec: Int
    public var dst: String
    public var charge: Money

    public init(id: Int64, startAt: Int64, billsec: Int, dst: String, charge: Money) {
        self.id = id
        self.startAt = startAt
        self.billsec = billsec
        self.dst = dst
        self.charge = charge
    }
}

import Metrics

extension CallRecord {
    /// A record with only the fields a test cares about.
    public static func make(
        key: String, start: Int64, answerAfter: Int64? = nil, end: Int64, billsec: Int? = nil,
        disposition: Disposition = .answered, customer: Int64? = nil, carrier: Int64? = nil, did: Int64? = nil,
        dtmf: Int? = nil,
        sell: Int64? = 0, buy: Int64? = 0
    ) -> CallRecord {
        let answerAt = answerAfter.map { start + $0 }
        return CallRecord(
            source: "test", rowKey: RowKey(key), startAt: start, answerAt: answerAt, endAt: end, duration: Int(end - start),
            billsec: billsec ?? answerAt.map { Int(end - $0) } ?? 0, disposition: disposition, customerID: customer,
            carrierID: carrier, didID: did, dtmfDigits: dtmf, sell: sell.map { Money(micros: $0) }, buy: buy.map { Money(micros: $0) })
    }
}

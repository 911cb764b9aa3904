/// A native registrations file's samples as the store keeps them: the network's registrations per minute. A
/// minute with a total row takes it; otherwise the customers' samples of that minute are added up. Writing a
/// minute again replaces it, so a re-import changes nothing.
struct RegistrationTotals {
    private var totals: [Int64: Int] = [:]
    private var perCustomer: [Int64: Int] = [:]

    mutating func add(_ sample: RegistrationSample) {
        let minute = TimeBucket.minute.start(of: sample.at)
        if sample.customer == nil {
            totals[minute] = sample.registrations
        } else {
            perCustomer[minute, default: 0] += sample.registrations
        }
    }

    /// Each minute's registrations, as the store keeps them (`ImportTransaction.storeRegistrations`).
    var byMinute: [Int64: Int] { perCustomer.merging(totals) { _, total in total } }
}

/// The issuer printed on invoices and shown, read-only, in a customer's portal (`[company]` in the config).
struct CompanySettings: Equatable {
    var name = ""
    /// Lines separated by "\n".
    var address = ""
    var taxID = ""
    /// How customers reach the issuer, and where they may pay: shown in the portal's Account view and on invoices.
    var email = ""
    var phone = ""
    var paypal = ""
}

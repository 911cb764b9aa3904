/// The issuer printed on invoices (`[company]` in the config).
struct CompanySettings: Equatable {
    var name = ""
    /// Lines separated by "\n".
    var address = ""
    var taxID = ""
}

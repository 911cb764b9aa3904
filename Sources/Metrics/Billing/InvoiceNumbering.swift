/// Which series an issued invoice takes its number from (`[invoices] numbering`). One global series ("INV-000123")
/// is what many tax authorities require, but it tells a customer how many invoices the others got between two of
/// theirs; one series per customer ("INV-ACME-000001") hides that. Both are gap-free and guarded by the same triggers.
public enum InvoiceNumbering: String, Sendable, CaseIterable {
    case global
    case perCustomer = "per-customer"

    /// The account code as it goes into a number: letters and digits only, upper case (so a code cannot put a
    /// separator or a path into the number); "C<id>" when nothing is left.
    public static func prefixCode(accountCode: String, customerID: Int64) -> String {
        let kept = String(accountCode.uppercased().unicodeScalars.filter {
            ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }.map(Character.init))
        return kept.isEmpty ? "C\(customerID)" : kept
    }
}

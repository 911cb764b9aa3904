/// Accounts as the panes need them: names by id, channels configured, balances and debit limits, what the checklist
/// lists.
public protocol DirectoryReading {
}

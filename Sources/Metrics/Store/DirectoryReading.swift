/// Accounts as the panes need them: names by id, channels configured, balances and debit limits, what the checklist
/// lists. Lists come in name order (DIDs by number) as the store collates them, ties by id, so that the engine's
/// stable rankings break ties by name without comparing strings itself.
public protocol DirectoryReading {
    /// Every customer, whatever its status, in name order.
    func customers() throws -> [CustomerEntry]

    /// Every carrier, whatever its status, in name order.
    func carriers() throws -> [CarrierEntry]

    /// The id of every DID, in number order.
    func didIDs() throws -> [Int64]

    /// The numbers of the DIDs `ids`, or of every DID when `ids` is nil; ids not stored are left out.
    func didNumbers(_ ids: [Int64]?) throws -> [Int64: String]

    /// How many rate cards are stored.
    func rateCardCount() throws -> Int

    /// The CDR files whose import failed, by id.
    func filesInError() throws -> [FailedFile]
}

/// Internal number blocks: each customer's ranges of extensions. Blocks never overlap; the store enforces it, so
/// two writers cannot both add overlapping blocks. Each requirement is a transaction of its own.
public protocol BlockLedger: AnyObject, Sendable {
    /// Adds `start ..< start + size` for the customer; throws `BlockError.overlaps` naming the block in the way.
    @discardableResult
    func addBlock(customerID: Int64, start: Int64, size: Int64, at now: Int64) throws -> NumberBlock

    /// Gives the customer the next free block of `size` on the grid `systemStart + k * size` (one transaction).
    @discardableResult
    func allocateBlock(customerID: Int64, systemStart: Int64, size: Int64, at now: Int64) throws -> NumberBlock

    /// Every block (or one customer's), lowest start first.
    func blocks(customerID: Int64?) throws -> [NumberBlock]

    /// Removes block `id` and returns it; throws `BlockError.unknown` for a number never given.
    @discardableResult
    func removeBlock(_ id: Int64) throws -> NumberBlock

    /// The extensions customers with blocks used — in registrations, and as caller numbers of CDRs starting at or
    /// after `since` — each once per customer and origin, with the block that holds it (nil: outside their blocks).
    func extensionsInUse(customerID: Int64?, cdrsSince since: Int64) throws -> [ExtensionInUse]
}

/// The books: accounts (customers, carriers, DIDs), rate cards and the CDR files imported, with their rejected rows.
/// Each requirement is a transaction of its own; ids are the store's.
public protocol StoreLedger: AnyObject, Sendable {
    // MARK: Accounts

    /// Adds a customer; returns its id.
    @discardableResult
    func addCustomer(_ customer: Accounts.NewCustomer, createdAt: Int64) throws -> Int64

    /// Adds a carrier; returns its id.
    @discardableResult
    func addCarrier(name: String, channelsConfigured: Int, rateCardID: Int64?) throws -> Int64

    /// Adds a DID, owned by `customerID` when given; returns its id.
    @discardableResult
    func addDID(number: String, customerID: Int64?) throws -> Int64

    /// Every customer, carrier and DID, each by id.
    func accounts() throws -> AccountBook

    // MARK: Rate cards

    /// Adds a rate card with its rates; returns its id.
    @discardableResult
    func addRateCard(name: String, direction: RateDirection, currency: String, rates: [Rate]) throws -> Int64

    /// Stores `rates` as the card `name`, whole: creates the card or, with `replace`, replaces its rates and currency.
    /// Throws `RateCardError.exists` for an existing card without `replace`, `.directionMismatch` when the card
    /// exists with the other direction; either way the store is left as it was.
    func storeRateCard(_ rates: [Rate], card name: String, direction: RateDirection, currency: String, replace: Bool)
        throws -> (cardID: Int64, replaced: Bool)

    /// Every rate card, indexed for rating, by id: what calls are priced against.
    func rateTables() throws -> [Int64: RateTable]

    /// Every rate card with how many prefixes it has and how many accounts use it: sell cards first, then by name.
    func rateCards() throws -> [RateCardSummary]

    /// Prices, against the rate cards as they are now, the CDRs that started in `period` and lack a sell or a buy
    /// price (no card covered their number when they were written), then recomputes every aggregate from the CDRs
    /// (kept as `retention` says), all in one transaction. Prices already stored never change. Returns how many CDRs
    /// got a price they lacked.
    func priceUnratedCDRs(in period: Period, retention: Retention, at now: Int64) throws -> Int

    // MARK: CDR files
    //
    // Every run of an import has an entry of its own, with its own counts: a copy of a file under another name, a
    // re-import, two imports of one content at the same time. The rows of a content are stored once, and point to
    // the entry that stored them (its `rowsNew` counts them); the other runs stored none (`duplicateOf` names it).

    /// The entry that first imported this content of `source` (`ContentHash` of the whole file) successfully: the
    /// one its rows point to. Never a copy (`duplicateOf`).
    func fileEntry(source: String, contentHash: String) throws -> FileLedger.Entry?

    func fileEntry(id: Int64) throws -> FileLedger.Entry?

    /// The files, newest first.
    func fileEntries(limit: Int) throws -> [FileLedger.Entry]

    /// A file's rejected rows, by line.
    func rejects(ofFile file: Int64, limit: Int) throws -> [FileLedger.Reject]

    /// Records that `owner` starts processing a file's content now. An earlier attempt at the same content that
    /// kept nothing — failed (`error`) or `interrupted` — is retried in place: its entry (rejects cleared) becomes
    /// this run's, so a file that failed or was killed has one entry however often it is retried. Else a `waiting`
    /// entry of the same path becomes this run's, else the run gets a new entry; an entry still `processing` by a
    /// running process is never taken.
    func beginFile(
        source: String, path: String, name: String, size: Int64, contentHash: String, owner: FileLedger.Owner,
        at now: Int64
    ) throws -> FileLedger.Attempt

    /// Records a run of content imported before (`original`, from `fileEntry(source:contentHash:)`) that is not
    /// read again: an entry of its own, `success`, with the original's format, counts and rejected rows but
    /// nothing new, noted as a duplicate of it. The entry is a failed or interrupted attempt at the same content
    /// (which it settles), else a `waiting` one of the same path, else a new one.
    func recordCopy(of original: FileLedger.Entry, path: String, name: String, size: Int64, at now: Int64) throws
        -> FileLedger.Attempt

    /// Notes a spool file that is still being written (`waiting`), or its new size when noted before.
    func noteWaiting(source: String, path: String, name: String, size: Int64, at now: Int64) throws

    /// Records how processing of the file ended.
    func finishFile(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64) throws

    /// The file now lives at `path` (a spool moved it to processed/ or failed/).
    func noteMoved(_ file: Int64, to path: String) throws
}

extension StoreLedger {
    /// Adds a rate card in USD.
    @discardableResult
    public func addRateCard(name: String, direction: RateDirection, rates: [Rate]) throws -> Int64 {
        try addRateCard(name: name, direction: direction, currency: "USD", rates: rates)
    }

    /// The newest 1,000 files.
    public func fileEntries() throws -> [FileLedger.Entry] { try fileEntries(limit: 1_000) }

    /// Begins a file's processing by this process.
    public func beginFile(source: String, path: String, name: String, size: Int64, contentHash: String, at now: Int64)
        throws -> FileLedger.Attempt
    {
        try beginFile(
            source: source, path: path, name: name, size: size, contentHash: contentHash, owner: .current, at: now)
    }

    /// A file's first 1,000 rejected rows.
    public func rejects(ofFile file: Int64) throws -> [FileLedger.Reject] { try rejects(ofFile: file, limit: 1_000) }
}

/// Custom pages kept in the store (`termdash page push / list / remove`), which every running monitor reads on its
/// next refresh. The store keeps the definition as text; checking it is the caller's.
public protocol PageLedger: AnyObject, Sendable {
    /// Stores the page `title`, replacing one of the same title.
    func pushPage(title: String, definition: String, at now: Int64) throws
    /// Every stored page, by title.
    func storedPages() throws -> [StoredPage]
    /// Removes the page `title`; false when there was none.
    @discardableResult
    func removePage(title: String) throws -> Bool
}

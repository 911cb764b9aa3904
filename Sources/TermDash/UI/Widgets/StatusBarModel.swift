import Metrics

/// What the status bar shows. Plain data, so the view decides nothing about where it comes from.
struct StatusBarModel: Equatable, Sendable {
    var version: String
    var zone: String
    var clock: String
    /// Live channels in use and configured, when known.
    var channels: (inUse: Int, configured: Int)?
    /// A transient note such as "Copied Version and Zone".
    var message: String?
    /// The account balance and debit limit (all active customers, or the customer of a scoped view), when known.
    var balance: AccountBalance? = nil
    /// Outstanding checklist items, when known.
    var checklistItems: Int? = nil
    /// The keys shown for help and quit (from the key table, so a remapped key shows as remapped).
    var helpKey = "?"
    var quitKey = "q"
    /// The current view's own key hints (from the key table's footer bindings), shown before help when they fit.
    var hints: [Hint] = []
    /// The message is an alert (the store not answering): Zone and Version give way before it is cut.
    var messageIsAlert = false

    struct Hint: Equatable, Sendable {
        var key: String
        var action: String
    }

    static func == (lhs: StatusBarModel, rhs: StatusBarModel) -> Bool {
        lhs.version == rhs.version && lhs.zone == rhs.zone && lhs.clock == rhs.clock
            && lhs.channels?.inUse == rhs.channels?.inUse && lhs.channels?.configured == rhs.channels?.configured
            && lhs.message == rhs.message && lhs.balance == rhs.balance
            && lhs.checklistItems == rhs.checklistItems && lhs.helpKey == rhs.helpKey && lhs.quitKey == rhs.quitKey
            && lhs.hints == rhs.hints && lhs.messageIsAlert == rhs.messageIsAlert
    }
}

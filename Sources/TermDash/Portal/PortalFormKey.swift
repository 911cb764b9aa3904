/// The portal forms' keys, as data: the forms dispatch through this table, and the footer and help name them.
/// Printable characters not in the table are typed into the focused field.
struct PortalFormKey: Sendable {
    enum Action: Sendable, Equatable { case next, previous, erase, save, cancel }

    var action: Action
    var keys: [Key]
    /// Short name for the footer.
    var name: String
    var help: String

    static let table: [PortalFormKey] = [
        PortalFormKey(action: .save, keys: [.enter], name: "save", help: "Check and save (a code: check it)"),
        PortalFormKey(action: .cancel, keys: [.escape], name: "cancel", help: "Forget the changes and close the form"),
        PortalFormKey(action: .next, keys: [.tab, .down], name: "next", help: "Next field"),
        PortalFormKey(action: .previous, keys: [.backTab, .up], name: "previous", help: "Previous field"),
        PortalFormKey(action: .erase, keys: [.backspace, .character("\u{7F}"), .character("\u{08}")], name: "erase",
                      help: "Erase the last character"),
    ]

    static func action(for key: Key) -> Action? {
        table.first { $0.keys.contains(key) }?.action
    }
}

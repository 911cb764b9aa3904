/// The profile form's keys, as data: the form dispatches through this table and its hint line names them.
/// Printable characters not in the table are typed into the focused field.
struct ProfileFormKey: Sendable {
    enum Action: Sendable, Equatable { case next, previous, erase, save, cancel }

    var action: Action
    var keys: [Key]
    var help: String

    static let table: [ProfileFormKey] = [
        ProfileFormKey(action: .next, keys: [.tab, .down], help: "Next field"),
        ProfileFormKey(action: .previous, keys: [.backTab, .up], help: "Previous field"),
        ProfileFormKey(action: .erase, keys: [.backspace, .character("\u{7F}"), .character("\u{08}")],
                       help: "Erase the last character"),
        ProfileFormKey(action: .save, keys: [.enter], help: "Check and save"),
        ProfileFormKey(action: .cancel, keys: [.escape], help: "Forget the changes"),
    ]
}

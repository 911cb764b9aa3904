/// A value from a file or the command line inside a message: sanitised and cut, so a mistaken megabyte of text
/// does not fill the screen and an escape sequence in it does not reach the terminal.
enum QuotedText {
    /// Characters of a value shown before it is cut.
    static let limit = 60

    /// `"value"`, cut to `limit` characters with "…" after them.
    static func quoted(_ value: String, limit: Int = limit) -> String {
        "\"" + capped(value, limit: limit) + "\""
    }

    /// `value` sanitised and cut to `limit` characters, with "…" when something was cut.
    static func capped(_ value: String, limit: Int = limit) -> String {
        // Only the start is cleaned, with room for escape sequences the cleaning removes: the rest is never shown.
        let window = value.prefix(limit * 4)
        let head = Sanitizer.clean(String(window))
        guard head.count > limit || window.endIndex != value.endIndex else { return head }
        return String(head.prefix(limit)) + "…"
    }
}

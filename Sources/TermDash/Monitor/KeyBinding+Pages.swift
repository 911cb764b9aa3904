/// Custom pages in the key table: one binding each, everywhere, so one table still drives dispatch, the tab line,
/// the footer and `?`. A page may not take a key the table already uses (in any view), nor another page's key.
extension KeyBinding {
    /// `base` with a binding per page appended, and the pages left out for their key, each with the reason.
    static func withPages(_ pages: [CustomPage], base: [KeyBinding]) -> (table: [KeyBinding], refused: [String]) {
        var table = base
        var refused: [String] = []
        for page in pages {
            guard let character = page.key.first else { continue }
            let key = Key.character(character)
            if let taken = table.first(where: { $0.keys.contains(key) }) {
                let what = taken.id.hasPrefix("page.") ? "page \(QuotedText.quoted(taken.name))" : taken.id
                refused.append("page \(QuotedText.quoted(page.title)): key \"\(label(key))\" is already \(what)'s")
                continue
            }
            table.append(KeyBinding(id: "page.\(page.title)", action: .showPage(page.title), keys: [key], view: nil,
                                    name: page.title, help: "Show the page \(page.title)"))
        }
        return (table, refused)
    }
}

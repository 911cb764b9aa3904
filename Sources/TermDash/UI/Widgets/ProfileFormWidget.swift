import Metrics

/// My profile as a form: a title, one line per field (label, value, and for email and mobile whether the address
/// is verified), the keys, and the last message. The focused field is marked by a glyph (› or >) and a cursor
/// (▏ or _) after its value, never by colour alone. Lines that do not fit are dropped from the bottom; values are
/// cut to leave room for the verified note, the focused one keeping its end in view while typed.
struct ProfileFormWidget: Widget {
    var form: ProfileForm
    var unicode: Bool

    func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let language = form.language
        let labels = ProfileForm.fields.map { PortalStrings.text("profile.\($0.rawValue)", language) }
        let labelWidth = (labels.map(\.count).max() ?? 0) + 2
        var lines: [(String, Style)] = [(PortalStrings.text("profile.title", language), Style(.label))]
        for (index, field) in ProfileForm.fields.enumerated() {
            let focused = index == form.focus
            let mark = focused ? (unicode ? "›" : ">") : " "
            let cursor = focused ? (unicode ? "▏" : "_") : ""
            var value = Sanitizer.clean(form.values[field] ?? "")
            var note = ""
            if field == .email || field == .mobile, !value.isEmpty {
                let verified = field == .email ? form.saved.isEmailVerified : form.saved.isMobileVerified
                let same = form.saved[field] == form.values[field]
                note = "  (" + PortalStrings.text(verified && same ? "profile.verified" : "profile.unverified", language) + ")"
            }
            // The focused value keeps its end (where typing happens) in view; another is cut at its end, marked.
            let room = max(0, area.width - 2 - labelWidth - cursor.count - note.count)
            if value.count > room {
                value = focused ? String(value.suffix(room)) : String(value.prefix(max(0, room - 1))) + (unicode ? "…" : "~")
            }
            let label = labels[index].padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            lines.append(("\(mark) \(label)\(value)\(cursor)\(note)", focused ? Style(.value) : .normal))
        }
        lines.append((PortalStrings.text("profile.hint", language), Style(.dim)))
        if let message = form.message { lines.append((message, .normal)) }
        for (row, line) in lines.prefix(area.height).enumerated() {
            buffer.put(line.0, x: area.x, y: area.y + row, style: line.1, maxWidth: area.width)
        }
    }
}

/// The `?` screen: a box over the middle of the frame listing the keys of the current view, then the keys that
/// work everywhere, generated from the key table so the help can never drift from what the keys do.
///
/// The keys that pick a view share one line ("1 2 3 4 5 6 7  Show the view of that number"), so seven views cost
/// one line rather than seven.
///
/// When the lines do not fit the height (the summary view has 40 at 80×24), they go into columns side by side,
/// each help text cut to share the width; only when even that is too narrow does the last row say how many lines
/// are left out. A heading never ends a column.
enum HelpOverlay {
    /// Columns between two columns of keys.
    static let columnGap = 3
    /// Below this much help text beside the keys, columns are not worth it.
    static let minimumHelpWidth = 12

    static func lines(_ bindings: [KeyBinding], view: MonitorView, unicode: Bool = true) -> [(keys: String, help: String)] {
        func keys(_ binding: KeyBinding) -> String {
            binding.keys.map { KeyBinding.label($0, unicode: unicode) }.joined(separator: " ")
        }
        let local = bindings.filter { $0.view == view }
        let global = bindings.filter { $0.view == nil }
        var lines: [(String, String)] = []
        if !local.isEmpty {
            lines.append(("", "\(view.title) view"))
            lines += local.map { (keys($0), $0.help) }
            // A view that opens forms (the portal's Account view) also lists the keys inside them.
            if local.contains(where: { if case .openForm = $0.action { return true } else { return false } }) {
                lines.append(("", "In a form (every other key is typed)"))
                lines += PortalFormKey.table.map { entry in
                    // The control characters some terminals send for Backspace are named once, as Backspace.
                    (entry.keys.filter { key in
                        guard case .character(let character) = key else { return true }
                        return character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
                    }.map { KeyBinding.label($0, unicode: unicode) }.joined(separator: " "), entry.help)
                }
            }
            lines.append(("", "Everywhere"))
        }
        // The keys that pick a view share one line ("1 2 3 4 5 6 7  Show that view"), where the first one was.
        var viewKeys: [String] = []
        for binding in global {
            if case .show = binding.action {
                if viewKeys.isEmpty { lines.append(("", "")) }
                viewKeys += binding.keys.map { KeyBinding.label($0, unicode: unicode) }
                continue
            }
            lines.append((keys(binding), binding.help))
        }
        if let slot = lines.firstIndex(where: { $0.0.isEmpty && $0.1.isEmpty }) {
            if viewKeys.isEmpty || viewKeys.allSatisfy(\.isEmpty) {
                lines.remove(at: slot)
            } else {
                lines[slot] = (viewKeys.filter { !$0.isEmpty }.joined(separator: " "), "Show the view of that number")
            }
        }
        return lines
    }

    static func render(_ bindings: [KeyBinding], view: MonitorView, glyphs: GlyphSet, into buffer: inout CellBuffer) {
        let lines = lines(bindings, view: view, unicode: glyphs.unicode)
        guard buffer.width >= 10, buffer.height >= 3, !lines.isEmpty else { return }
        let keyWidth = lines.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let textWidth = lines.map { DisplayWidth.of($0.help) }.max() ?? 0
        // Inside the border: a column of margin each side, and a blank row above and below when there is room.
        let rows = buffer.height - 2
        func columnWidth(_ columns: Int) -> Int { (buffer.width - 4 - columnGap * (columns - 1)) / columns }

        var columns = (lines.count + rows - 1) / rows
        var perColumn = rows
        var slots: [(keys: String, help: String)?] = lines
        if columns > 1 {
            // Balanced columns; a heading that would end one starts the next instead.
            perColumn = (lines.count + columns - 1) / columns
            while true {
                slots = []
                for line in lines {
                    if line.keys.isEmpty, slots.count % perColumn == perColumn - 1 { slots.append(nil) }
                    slots.append(line)
                }
                if slots.count <= columns * perColumn { break }
                if perColumn < rows { perColumn += 1 } else { columns += 1 }
            }
        }
        if columns > 1, columnWidth(columns) < keyWidth + 1 + minimumHelpWidth {
            (columns, perColumn, slots) = (1, rows, lines)
        }
        let usedRows = min(perColumn, slots.count)
        let padding = usedRows + 2 <= rows ? 1 : 0
        let width = min(keyWidth + 1 + textWidth, columnWidth(columns))
        let boxWidth = min(buffer.width, 4 + columns * width + columnGap * (columns - 1))
        let boxHeight = min(buffer.height, usedRows + 2 * padding + 2)
        let box = Rect(x: (buffer.width - boxWidth) / 2, y: (buffer.height - boxHeight) / 2, width: boxWidth,
                       height: boxHeight)
        buffer.fill(box)
        let panel = Panel(title: "Keys", glyphs: glyphs)
        panel.render(box, into: &buffer)
        let inner = panel.inner(box)
        // One column that cannot hold every line: its last row counts the rest.
        let left = slots.count - usedRows * columns
        for (index, slot) in slots.enumerated() {
            let column = index / perColumn, row = index % perColumn
            guard column < columns, let line = slot else { continue }
            let x = inner.x + 1 + column * (width + columnGap)
            let y = inner.y + padding + row
            if left > 0, index == usedRows - 1 {
                buffer.put("\(glyphs.ellipsis) \(left + 1) more keys", x: x, y: y, style: Style(.dim), maxWidth: width)
                break
            }
            if line.keys.isEmpty {
                // A section heading.
                buffer.put(line.help, x: x, y: y, style: Style(.title, bold: true), maxWidth: width)
                continue
            }
            buffer.put(line.keys, x: x, y: y, style: Style(.statusKey, bold: true), maxWidth: min(keyWidth, width))
            let help = TextFit.truncate(line.help, toWidth: width - keyWidth - 1, ellipsis: glyphs.ellipsis)
            buffer.put(help, x: x + keyWidth + 1, y: y, style: Style(.normal), maxWidth: max(0, width - keyWidth - 1))
        }
    }
}

/// The `?` screen: a box over the middle of the frame listing the keys of the current view, then the keys that
/// work everywhere, generated from the key table so the help can never drift from what the keys do.
enum HelpOverlay {
    static func lines(_ bindings: [KeyBinding], view: MonitorView) -> [(keys: String, help: String)] {
        let local = bindings.filter { $0.view == view }
        let global = bindings.filter { $0.view == nil }
        var lines: [(String, String)] = []
        if !local.isEmpty {
            lines.append(("", "\(view.title) view"))
            lines += local.map { ($0.keys.map(KeyBinding.label).joined(separator: " "), $0.help) }
            lines.append(("", "Everywhere"))
        }
        lines += global.map { ($0.keys.map(KeyBinding.label).joined(separator: " "), $0.help) }
        return lines
    }

    static func render(_ bindings: [KeyBinding], view: MonitorView, glyphs: GlyphSet, into buffer: inout CellBuffer) {
        let lines = lines(bindings, view: view)
        let keyWidth = lines.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let textWidth = lines.map { DisplayWidth.of($0.help) }.max() ?? 0
        let width = min(buffer.width, keyWidth + textWidth + 7)
        let height = min(buffer.height, lines.count + 4)
        guard width >= 10, height >= 3 else { return }
        let box = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
        buffer.fill(box)
        let inner = Panel.render(title: "Keys", in: box, glyphs: glyphs, into: &buffer)
        for (row, line) in lines.enumerated() where row + 1 < inner.height {
            let y = inner.y + row + 1
            if line.keys.isEmpty {
                // A section heading.
                buffer.put(line.help, x: inner.x + 1, y: y, style: Style(.title, bold: true), maxWidth: inner.width - 2)
                continue
            }
            buffer.put(line.keys, x: inner.x + 1, y: y, style: Style(.statusKey, bold: true), maxWidth: keyWidth)
            buffer.put(line.help, x: inner.x + 2 + keyWidth, y: y, style: Style(.normal),
                       maxWidth: max(0, inner.width - keyWidth - 3))
        }
    }
}

/// The line of views at the top: ` 1 Overview  2 Channels  [3 History]  4 Quality …`; the current one is in
/// brackets and reverse video, so it reads without colour.
struct ViewTabs: Widget {
    var current: MonitorView
    var keys: [KeyBinding]
    var glyphs: GlyphSet

    /// Each view's label and where it starts, as drawn in a line of `width`.
    static func labels(current: MonitorView, keys: [KeyBinding], width: Int,
                       unicode: Bool = true) -> [(view: MonitorView, x: Int, text: String)] {
        // A view the key table cannot reach (a customer's portal leaves some out) gets no tab.
        let named = MonitorView.allCases.filter { view in
            view == current || keys.contains { $0.action == .show(view) }
        }.map { view in
            (view, keys.first { $0.action == .show(view) }?.keys.first.map { KeyBinding.label($0, unicode: unicode) } ?? "")
        }
        let fullWidth = named.reduce(1) { $0 + DisplayWidth.of("\($1.1) \($1.0.title)") + 3 }
        var x = 1
        var result: [(MonitorView, Int, String)] = []
        for (view, key) in named {
            let full = "\(key) \(view.title)"
            // Narrow terminals get the current view's name and the others' keys only.
            let text = fullWidth <= width || view == current ? full : key
            let label = view == current ? "[\(text)]" : " \(text) "
            guard x + DisplayWidth.of(label) <= width else { break }
            result.append((view, x, label))
            x += DisplayWidth.of(label) + 1
        }
        return result
    }

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, style: Style(.dim))
        for label in Self.labels(current: current, keys: keys, width: rect.width, unicode: glyphs.unicode) {
            let style = label.view == current ? Style(.selection, bold: true) : Style(.label)
            buffer.put(label.text, x: rect.x + label.x, y: rect.y, style: style)
        }
    }

    /// The view whose label is at column `x` of the tab line.
    static func view(at x: Int, current: MonitorView, keys: [KeyBinding], width: Int,
                     unicode: Bool = true) -> MonitorView? {
        labels(current: current, keys: keys, width: width, unicode: unicode)
            .first { x >= $0.x && x < $0.x + DisplayWidth.of($0.text) }?.view
    }
}

/// The line of views at the top: ` 1 Overview  2 Channels  [3 History]  4 Quality …`, then the custom pages by
/// their keys and titles (` C Carriers `); the current one is in brackets and reverse video, so it reads without
/// colour.
struct ViewTabs: Widget {
    var current: MonitorView
    var keys: [KeyBinding]
    var glyphs: GlyphSet
    /// The custom page shown, when `current` is `.page`.
    var page: String? = nil

    /// Each tab's label, what picking it does (`.show(view)` or `.showPage(title)`) and where it starts, as drawn
    /// in a line of `width`.
    static func tabs(current: MonitorView, page: String? = nil, keys: [KeyBinding], width: Int,
                     unicode: Bool = true) -> [(tab: MonitorAction, x: Int, text: String)] {
        func key(_ action: MonitorAction) -> String {
            keys.first { $0.action == action }?.keys.first.map { KeyBinding.label($0, unicode: unicode) } ?? ""
        }
        let shown: MonitorAction = current == .page ? .showPage(page ?? "") : .show(current)
        // A view the key table cannot reach (a customer's portal leaves some out) gets no tab.
        var named: [(MonitorAction, String, String)] = MonitorView.builtIn.filter { view in
            view == current || keys.contains { $0.action == .show(view) }
        }.map { (.show($0), key(.show($0)), $0.title) }
        for binding in keys {
            if case .showPage(let title) = binding.action {
                named.append((binding.action, key(binding.action), Sanitizer.clean(title)))
            }
        }
        let fullWidth = named.reduce(1) { $0 + DisplayWidth.of("\($1.1) \($1.2)") + 3 }
        var x = 1
        var result: [(MonitorAction, Int, String)] = []
        for (tab, key, title) in named {
            let full = "\(key) \(title)"
            // Narrow terminals get the current view's name and the others' keys only.
            let text = fullWidth <= width || tab == shown ? full : key
            let label = tab == shown ? "[\(text)]" : " \(text) "
            guard x + DisplayWidth.of(label) <= width else { break }
            result.append((tab, x, label))
            x += DisplayWidth.of(label) + 1
        }
        return result
    }

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, style: Style(.dim))
        let shown: MonitorAction = current == .page ? .showPage(page ?? "") : .show(current)
        for label in Self.tabs(current: current, page: page, keys: keys, width: rect.width, unicode: glyphs.unicode) {
            let style = label.tab == shown ? Style(.selection, bold: true) : Style(.label)
            buffer.put(label.text, x: rect.x + label.x, y: rect.y, style: style, maxWidth: rect.width - label.x)
        }
    }

    /// What the tab at column `x` of the tab line picks.
    static func tab(at x: Int, current: MonitorView, page: String? = nil, keys: [KeyBinding], width: Int,
                    unicode: Bool = true) -> MonitorAction? {
        tabs(current: current, page: page, keys: keys, width: width, unicode: unicode)
            .first { x >= $0.x && x < $0.x + DisplayWidth.of($0.text) }?.tab
    }

    /// The view whose label is at column `x` of the tab line (nil on a page's tab).
    static func view(at x: Int, current: MonitorView, keys: [KeyBinding], width: Int,
                     unicode: Bool = true) -> MonitorView? {
        if case .show(let view) = tab(at: x, current: current, keys: keys, width: width, unicode: unicode) { return view }
        return nil
    }
}

import Metrics

/// What the dashboard needs besides the snapshot; all of it prepared by the caller, so rendering is pure.
struct ViewContext: Sendable {
    /// The build's version, as `termdash version` prints it (without the word "Version").
    var version: String
    /// The configured time zone's identifier.
    var zone: String
    /// The current time, already formatted in that zone.
    var clock: String
    var glyphs: GlyphSet
    /// A transient status message, if any.
    var message: String?

    init(version: String, zone: String, clock: String, glyphs: GlyphSet, message: String? = nil) {
        self.version = version
        self.zone = zone
        self.clock = clock
        self.glyphs = glyphs
        self.message = message
    }
}

/// The control-panel dashboard: counters, the live channels graph and the top and bottom customers.
///
/// Space is given by priority — status bar (always the last row), counters, graph, tables — and each part
/// shrinks to a more compact form before the next one is dropped.
enum DashboardView {
    static let minimumSize = (width: 40, height: 10)

    /// Tables sit side by side from this width; below it they are stacked (or only the top one is shown).
    static let sideBySideWidth = 100

    /// Where each part goes for a terminal size; `nil` for a part that is not shown.
    struct Layout: Equatable {
        var counters: Rect?
        /// Counters drawn in a box (otherwise one bare line).
        var countersBoxed: Bool
        var graph: Rect?
        var topTable: Rect?
        var bottomTable: Rect?
        var statusBar: Rect
    }

    static func layout(width: Int, height: Int) -> Layout {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (status, body) = screen.takeBottom(1)
        // Counters: a box with three-row figures on a tall screen, a box of four rows when the rest still gets
        // a readable graph and tables, otherwise one bare line.
        let countersBoxed = body.height >= 16
        let countersHeight = body.height >= 40 ? 2 + 1 + BigNumber.height : countersBoxed ? 4 : 1
        let (counters, afterCounters) = body.takeTop(countersHeight)
        // Graph and tables: the graph takes a third, at least a box with one row of bars and the caption,
        // at most 14 rows; tables need a box with a header and one row (4) or they are left out.
        let rest = afterCounters
        let minimumTable = 4, minimumGraph = 4
        var graph: Rect?
        var tables: Rect?
        if rest.height >= minimumGraph + minimumTable {
            let graphHeight = min(14, max(minimumGraph, rest.height / 3))
            let split = rest.takeTop(graphHeight)
            graph = split.taken
            tables = split.rest
        } else if !rest.isEmpty {
            graph = rest
        }
        var top: Rect?
        var bottom: Rect?
        if let tables {
            if width >= sideBySideWidth {
                let halves = tables.equalColumns(2)
                top = halves[0]
                bottom = halves[1]
            } else if tables.height >= 2 * 6 {  // each box: header and at least three rows
                let split = tables.takeTop((tables.height + 1) / 2)
                top = split.taken
                bottom = split.rest
            } else {
                top = tables
            }
        }
        return Layout(
            counters: counters.isEmpty ? nil : counters, countersBoxed: countersBoxed,
            graph: graph, topTable: top, bottomTable: bottom, statusBar: status)
    }

    /// How many rows the customer tables can show at this size: ask the store for this many.
    static func tableCapacity(width: Int, height: Int) -> Int {
        guard width >= minimumSize.width, height >= minimumSize.height,
            let top = layout(width: width, height: height).topTable
        else { return 0 }
        return max(0, top.height - 3)  // border top and bottom, header
    }

    /// How many seconds of live channels the graph shows at this size: ask the store for this many.
    static func liveWindow(width: Int, height: Int, glyphs: GlyphSet) -> Int {
        guard width >= minimumSize.width, height >= minimumSize.height,
            let graph = layout(width: width, height: height).graph
        else { return 60 }
        return SparklineWidget.liveWindow(width: padded(graph.inset(horizontal: 1)).width, glyphs: glyphs)
    }

    static func render(_ snapshot: DashboardSnapshot?, context: ViewContext, into buffer: inout CellBuffer) {
        buffer.fill(buffer.bounds, style: .normal)
        let glyphs = context.glyphs
        guard buffer.width >= minimumSize.width, buffer.height >= minimumSize.height else {
            renderTooSmall(glyphs: glyphs, into: &buffer)
            return
        }
        let layout = layout(width: buffer.width, height: buffer.height)

        if let rect = layout.counters {
            if layout.countersBoxed {
                let inner = Panel.render(title: "Overview", in: rect, glyphs: glyphs, into: &buffer)
                CountersWidget.render(snapshot?.counters, in: padded(inner), glyphs: glyphs, into: &buffer)
            } else {
                CountersWidget.render(snapshot?.counters, in: rect.inset(horizontal: 1), glyphs: glyphs, into: &buffer)
            }
        }
        if let rect = layout.graph {
            let inner = Panel.render(title: "Live channels", in: rect, glyphs: glyphs, into: &buffer)
            SparklineWidget.render(
                live: snapshot?.liveChannels, endingAt: Int64(snapshot?.takenAt.timeIntervalSince1970 ?? 0),
                in: padded(inner), glyphs: glyphs, into: &buffer)
        }
        if let rect = layout.topTable {
            let inner = Panel.render(title: "Top customers", in: rect, glyphs: glyphs, into: &buffer)
            ChannelTableWidget.render(snapshot?.topCustomers, in: padded(inner), glyphs: glyphs, into: &buffer)
        }
        if let rect = layout.bottomTable {
            let inner = Panel.render(title: "Bottom customers", in: rect, glyphs: glyphs, into: &buffer)
            ChannelTableWidget.render(snapshot?.bottomCustomers, in: padded(inner), glyphs: glyphs, into: &buffer)
        }

        let status = StatusBarModel(
            version: context.version, zone: context.zone, clock: context.clock,
            channels: snapshot.map { ($0.counters.liveChannels, $0.counters.configuredChannels) },
            message: context.message)
        StatusBarWidget.render(status, in: layout.statusBar, glyphs: glyphs, into: &buffer)
    }

    /// One blank column each side inside a box, so text does not touch the border.
    private static func padded(_ inner: Rect) -> Rect {
        inner.width >= 10 ? inner.inset(horizontal: 1) : inner
    }

    /// "TermDash needs 40×10 (now 20×5)", wrapped and centred in whatever space there is.
    static func renderTooSmall(glyphs: GlyphSet, into buffer: inout CellBuffer) {
        guard buffer.width > 0, buffer.height > 0 else { return }
        let x = glyphs.times
        let text = "TermDash needs \(minimumSize.width)\(x)\(minimumSize.height) (now \(buffer.width)\(x)\(buffer.height))"
        let lines = Array(TextFit.wrap(text, width: buffer.width).prefix(buffer.height))
        let top = (buffer.height - lines.count) / 2
        for (index, line) in lines.enumerated() {
            let left = (buffer.width - DisplayWidth.of(line)) / 2
            buffer.put(line, x: left, y: top + index, style: Style(.warning))
        }
    }
}

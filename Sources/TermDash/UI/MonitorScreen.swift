import Metrics

/// Everything one frame shows, prepared by the session: the newest snapshot and summary grid, the user's state and
/// the context. Rendering from it is pure.
struct ScreenModel {
    var snapshot: DashboardSnapshot?
    var summary: SummaryGrid?
    var state: MonitorState
    var context: ViewContext
    /// The zone's offsets over the graphs' window, for axis labels.
    var graphZone: GraphZone = .utc
    /// ASR under which the quality table says LOW, and the attempts below which it does not judge.
    var lowASR: Double? = nil
    var minimumAttempts: Int64 = 1
    var keys: [KeyBinding] = KeyBinding.defaults
}

/// The monitor's frame: a line of view tabs, the current view, and the status bar. Each view gives its space by
/// priority: what matters most is drawn first and kept longest as the terminal shrinks.
enum MonitorScreen {
    static let minimumSize = (width: 40, height: 10)
    /// From this size the overview shows two columns of panes.
    static let wideOverview = (width: 120, height: 30)

    /// Where the tab line, the view and the status bar go; nil below the minimum size.
    static func frame(width: Int, height: Int) -> (tabs: Rect, body: Rect, status: Rect)? {
        guard width >= minimumSize.width, height >= minimumSize.height else { return nil }
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (status, rest) = screen.takeBottom(1)
        let (tabs, body) = rest.takeTop(1)
        return (tabs, body, status)
    }

    static func render(_ model: ScreenModel, into buffer: inout CellBuffer) {
        buffer.fill(buffer.bounds, style: .normal)
        let glyphs = model.context.glyphs
        guard let frame = frame(width: buffer.width, height: buffer.height) else {
            renderTooSmall(glyphs: glyphs, into: &buffer)
            return
        }
        ViewTabs.render(current: model.state.view, keys: model.keys, in: frame.tabs, glyphs: glyphs, into: &buffer)
        switch model.state.view {
        case .overview: renderOverview(model, in: frame.body, into: &buffer)
        case .channels: renderChannels(model, in: frame.body, into: &buffer)
        case .history: renderHistory(model, in: frame.body, into: &buffer)
        case .quality: renderQuality(model, in: frame.body, into: &buffer)
        case .summary: renderSummary(model, in: frame.body, into: &buffer)
        case .checklist: renderChecklist(model, in: frame.body, into: &buffer)
        }
        let snapshot = model.snapshot
        let context = model.context
        let status = StatusBarModel(
            version: context.version, zone: context.zone, clock: context.clock,
            channels: snapshot.map { ($0.counters.liveChannels, $0.counters.configuredChannels) },
            message: context.message, balance: snapshot?.balance, checklistItems: snapshot?.checklist?.count,
            helpKey: keyLabel(.help, model.keys, unicode: glyphs.unicode) ?? "?",
            quitKey: keyLabel(.quit, model.keys, unicode: glyphs.unicode) ?? "q")
        StatusBarWidget.render(status, in: frame.status, glyphs: glyphs, into: &buffer)
        if model.state.showHelp {
            HelpOverlay.render(model.keys, view: model.state.view, glyphs: glyphs, into: &buffer)
        }
    }

    static func keyLabel(_ action: MonitorAction, _ keys: [KeyBinding], unicode: Bool = true) -> String? {
        keys.first { $0.action == action && $0.view == nil }?.keys.first.map { KeyBinding.label($0, unicode: unicode) }
    }

    // MARK: Panes

    /// The panes views are built from.
    enum Pane: Hashable {
        case counters, live, topCustomers, bottomCustomers, topCarriers, bottomCarriers, topDIDs, bottomDIDs
        case quality, checklist, channelsGraph, cpsGraph, moneyGraph, profitGraph, dailyProfitGraph
        case registrationsGraph, asrGraph, acdGraph, dtmfGraph
    }

    /// Draws one pane in its box.
    static func draw(_ pane: Pane, _ model: ScreenModel, in rect: Rect, into buffer: inout CellBuffer) {
        let glyphs = model.context.glyphs
        let snapshot = model.snapshot
        let range = model.state.range.label
        // "ASR · 1h"; the middle dot is not ASCII.
        let dot = glyphs.unicode ? " · " : " - "
        func box(_ title: String) -> Rect { padded(Panel.render(title: title, in: rect, glyphs: glyphs, into: &buffer)) }
        func graph(_ title: String, _ build: (HistorySnapshot) -> HistoryGraphModel) {
            let inner = box(title + dot + range)
            HistoryGraphWidget.render(snapshot?.history.map(build), in: inner, glyphs: glyphs, into: &buffer)
        }
        let zone = model.graphZone
        switch pane {
        case .counters:
            if rect.height >= 4 {
                CountersWidget.render(snapshot?.counters, in: box("Overview"), glyphs: glyphs, into: &buffer)
            } else {
                CountersWidget.render(snapshot?.counters, in: rect.inset(horizontal: 1), glyphs: glyphs, into: &buffer)
            }
        case .live:
            SparklineWidget.render(
                live: snapshot?.liveChannels, endingAt: Int64(snapshot?.takenAt.timeIntervalSince1970 ?? 0),
                in: box("Live channels"), glyphs: glyphs, into: &buffer)
        case .topCustomers:
            ChannelTableWidget.render(snapshot?.topCustomers, in: box("Top customers"), glyphs: glyphs, into: &buffer)
        case .bottomCustomers:
            ChannelTableWidget.render(snapshot?.bottomCustomers, in: box("Bottom customers"), glyphs: glyphs, into: &buffer)
        case .topCarriers:
            ChannelTableWidget.render(snapshot.map { $0.channelTables?.topCarriers ?? [] }, nameHeader: "Carrier",
                                      in: box("Top carriers"), glyphs: glyphs, into: &buffer)
        case .bottomCarriers:
            ChannelTableWidget.render(snapshot.map { $0.channelTables?.bottomCarriers ?? [] }, nameHeader: "Carrier",
                                      in: box("Bottom carriers"), glyphs: glyphs, into: &buffer)
        case .topDIDs:
            ChannelTableWidget.render(snapshot.map { $0.channelTables?.topDIDs ?? [] }, nameHeader: "DID",
                                      in: box("Top DIDs"), glyphs: glyphs, into: &buffer)
        case .bottomDIDs:
            ChannelTableWidget.render(snapshot.map { $0.channelTables?.bottomDIDs ?? [] }, nameHeader: "DID",
                                      in: box("Bottom DIDs"), glyphs: glyphs, into: &buffer)
        case .quality:
            let inner = box(["ASR", "ACD", "DTMF by carrier", range].joined(separator: dot))
            QualityTableWidget.render(qualityModel(model), in: inner, glyphs: glyphs, into: &buffer)
        case .checklist:
            let count = snapshot?.checklist?.count
            let inner = box(count.map { "Checklist (\($0))" } ?? "Checklist")
            let offset = model.state.view == .checklist ? model.state.checklist.offset : 0
            ChecklistWidget.render(snapshot?.checklist, offset: offset, in: inner, glyphs: glyphs, into: &buffer)
        case .channelsGraph: graph("Channels") { HistoryGraphModel.channels($0, zone: zone) }
        case .cpsGraph: graph("CPS") { HistoryGraphModel.cps($0, zone: zone) }
        case .moneyGraph: graph("Spend vs provider cost") { HistoryGraphModel.spendAndCost($0, zone: zone) }
        case .profitGraph: graph("Profit") { HistoryGraphModel.profit($0, zone: zone) }
        case .dailyProfitGraph:
            let inner = box("Daily profit and loss (UTC)")
            HistoryGraphWidget.render(snapshot?.history.map(HistoryGraphModel.dailyProfit), in: inner, glyphs: glyphs,
                                      into: &buffer)
        case .registrationsGraph: graph("Registrations") { HistoryGraphModel.registrations($0, zone: zone) }
        case .asrGraph, .acdGraph, .dtmfGraph:
            // With carriers toggled out, the graphs follow the table's total: the carriers still in.
            var history = snapshot?.history
            var scope = ""
            if let filtered = snapshot?.qualityHistory, filtered.count == history?.figures.count {
                history?.figures = filtered
                let carriers = snapshot?.quality?.carriers.count ?? 0
                let out = model.state.excludedCarriers.count
                scope = dot + "\(max(0, carriers - out)) of \(carriers) carriers"
            }
            let title = pane == .asrGraph ? "ASR" : pane == .acdGraph ? "ACD" : "DTMF"
            let inner = box(title + dot + range + scope)
            let build: (HistorySnapshot) -> HistoryGraphModel = pane == .asrGraph
                ? { HistoryGraphModel.asr($0, zone: zone) }
                : pane == .acdGraph ? { HistoryGraphModel.acd($0, zone: zone) } : { HistoryGraphModel.dtmf($0, zone: zone) }
            HistoryGraphWidget.render(history.map(build), in: inner, glyphs: glyphs, into: &buffer)
        }
    }

    static func qualityModel(_ model: ScreenModel) -> QualityTableModel? {
        model.snapshot?.quality.map {
            QualityTableModel(
                quality: $0, excluded: model.state.excludedCarriers,
                cursor: model.state.view == .quality ? model.state.quality.row : nil, lowASR: model.lowASR,
                minimumAttempts: model.minimumAttempts)
        }
    }

    private static func stack(_ panes: [PaneStack<Pane>.Pane], _ model: ScreenModel, in rect: Rect,
                              into buffer: inout CellBuffer) {
        for (pane, place) in PaneStack(panes: panes).layout(in: rect) { draw(pane, model, in: place, into: &buffer) }
    }

    private static func pane(_ id: Pane, _ minimum: Int, _ preferred: Int, grows: Bool = false) -> PaneStack<Pane>.Pane {
        PaneStack.Pane(id: id, minimum: minimum, preferred: preferred, grows: grows)
    }

    // MARK: Views

    /// Everything at a glance. One column: counters, live channels, top customers, quality, checklist, then more as
    /// the height allows. From 120×30: counters across, graphs on the left, tables on the right.
    static func renderOverview(_ model: ScreenModel, in body: Rect, into buffer: inout CellBuffer) {
        let countersHeight = body.height >= 40 ? 2 + 1 + BigNumber.height : body.height >= 28 ? 4 : 1
        let (counters, rest) = body.takeTop(countersHeight)
        draw(.counters, model, in: counters, into: &buffer)
        if body.width >= wideOverview.width, body.height >= wideOverview.height {
            let columns = rest.columns([.fill, .fill])
            stack([pane(.live, 5, 9), pane(.channelsGraph, 7, 10), pane(.cpsGraph, 7, 10), pane(.moneyGraph, 7, 10),
                   pane(.registrationsGraph, 6, 8, grows: true)], model, in: columns[0], into: &buffer)
            stack([pane(.topCustomers, 4, 9), pane(.quality, 5, 12), pane(.checklist, 3, 6),
                   pane(.topCarriers, 4, 8), pane(.topDIDs, 4, 8, grows: true)], model, in: columns[1], into: &buffer)
        } else {
            // Each table gets a header and at least two rows before the next pane is considered.
            stack([pane(.live, 4, 6), pane(.topCustomers, 5, 8), pane(.quality, 6, 9), pane(.checklist, 3, 5),
                   pane(.topCarriers, 5, 8), pane(.channelsGraph, 6, 10, grows: true)], model, in: rest, into: &buffer)
        }
    }

    /// Customers, carriers and DIDs by channels in use, highest and lowest.
    static func renderChannels(_ model: ScreenModel, in body: Rect, into buffer: inout CellBuffer) {
        let kinds: [(top: Pane, bottom: Pane)] = [
            (.topCustomers, .bottomCustomers), (.topCarriers, .bottomCarriers), (.topDIDs, .bottomDIDs),
        ]
        if body.width >= 120 {
            for (column, kind) in zip(body.columns([.fill, .fill, .fill]), kinds) {
                stack([pane(kind.top, 4, column.height / 2), pane(kind.bottom, 4, column.height, grows: true)], model,
                      in: column, into: &buffer)
            }
        } else if body.height >= 24 {
            stack(kinds.flatMap { [pane($0.top, 4, body.height / 6 + 1), pane($0.bottom, 4, body.height / 6)] }, model,
                  in: body, into: &buffer)
        } else {
            stack(kinds.map { pane($0.top, 4, body.height / 3, grows: true) }, model, in: body, into: &buffer)
        }
    }

    /// The history graphs over the chosen range.
    static func renderHistory(_ model: ScreenModel, in body: Rect, into buffer: inout CellBuffer) {
        let graphs: [Pane] = [.channelsGraph, .cpsGraph, .moneyGraph, .profitGraph, .registrationsGraph,
                              .dailyProfitGraph]
        if body.width >= 120 {
            let columns = body.columns([.fill, .fill])
            let perColumn = (graphs.count + 1) / 2
            for (index, column) in columns.enumerated() {
                let mine = graphs.dropFirst(index * perColumn).prefix(perColumn)
                stack(mine.map { pane($0, 6, column.height / perColumn) }, model, in: column, into: &buffer)
            }
        } else {
            let each = max(6, body.height / 3)
            stack(graphs.map { pane($0, 6, each) }, model, in: body, into: &buffer)
        }
    }

    /// ASR, ACD and DTMF by carrier, and the same figures over time for the total.
    static func renderQuality(_ model: ScreenModel, in body: Rect, into buffer: inout CellBuffer) {
        let graphs: [Pane] = [.asrGraph, .acdGraph, .dtmfGraph]
        if body.width >= 120 {
            let columns = body.columns([.fraction(0.6), .fill])
            stack([pane(.quality, 5, columns[0].height)], model, in: columns[0], into: &buffer)
            stack(graphs.map { pane($0, 6, columns[1].height / 3) }, model, in: columns[1], into: &buffer)
        } else {
            stack(narrowQualityPanes(body, carriers: model.snapshot?.quality?.carriers.count ?? 0), model, in: body,
                  into: &buffer)
        }
    }

    /// Below 120 columns: the table over the graphs, as tall as its carriers need up to half the height (less when
    /// the graphs' minimums take it). `carriers` nil: as many as can be shown.
    private static func narrowQualityPanes(_ body: Rect, carriers: Int?) -> [PaneStack<Pane>.Pane] {
        let rows = carriers.map { $0 + 4 } ?? body.height
        return [pane(.quality, 5, min(rows, max(5, body.height / 2)))]
            + [Pane.asrGraph, .acdGraph, .dtmfGraph].map { pane($0, 6, 8) }
    }

    static func renderSummary(_ model: ScreenModel, in body: Rect, into buffer: inout CellBuffer) {
        let glyphs = model.context.glyphs
        let inner = padded(Panel.render(title: SummaryGridWidget.title(model.state.grid, glyphs: glyphs), in: body,
                                        glyphs: glyphs, into: &buffer))
        SummaryGridWidget.render(model.summary, state: model.state.grid, in: inner, glyphs: glyphs, into: &buffer)
    }

    /// Where the grid sits on screen, for the session's mouse and page keys.
    static func summaryRect(width: Int, height: Int) -> Rect? {
        guard let body = frame(width: width, height: height)?.body else { return nil }
        let inner = body.inset(by: 1)
        return inner.width >= 10 ? inner.inset(horizontal: 1) : inner
    }

    static func renderChecklist(_ model: ScreenModel, in body: Rect, into buffer: inout CellBuffer) {
        stack([pane(.checklist, 3, body.height, grows: true)], model, in: body, into: &buffer)
    }

    /// Rows of the list a view scrolls (quality carriers, checklist items) that fit on screen.
    static func listRows(_ view: MonitorView, width: Int, height: Int) -> Int {
        guard let body = frame(width: width, height: height)?.body else { return 1 }
        switch view {
        case .checklist: return max(1, body.height - 2)
        case .quality:
            // Header and total inside the box: the carriers shown are the pane's height less 4.
            let height = body.width >= 120 ? body.height
                : PaneStack(panes: narrowQualityPanes(body, carriers: nil)).layout(in: body).first?.rect.height ?? 0
            return max(1, height - 4)
        default: return max(1, body.height - 2)
        }
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

    /// One blank column each side inside a box, so text does not touch the border.
    private static func padded(_ inner: Rect) -> Rect {
        inner.width >= 10 ? inner.inset(horizontal: 1) : inner
    }
}

/// The line of views at the top: ` 1 Overview  2 Channels  [3 History]  4 Quality …`; the current one is in
/// brackets and reverse video, so it reads without colour.
enum ViewTabs {
    /// Each view's label and where it starts, as drawn in a line of `width`.
    static func labels(current: MonitorView, keys: [KeyBinding], width: Int,
                       unicode: Bool = true) -> [(view: MonitorView, x: Int, text: String)] {
        let named = MonitorView.allCases.map { view in
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

    static func render(current: MonitorView, keys: [KeyBinding], in rect: Rect, glyphs: GlyphSet,
                       into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, style: Style(.dim))
        for label in labels(current: current, keys: keys, width: rect.width, unicode: glyphs.unicode) {
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

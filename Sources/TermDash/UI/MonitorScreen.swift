import Metrics

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
        ViewTabs(current: model.state.view, keys: model.keys, glyphs: glyphs, page: model.state.page)
            .render(frame.tabs, into: &buffer)
        switch model.state.view {
        case .overview: renderOverview(model, in: frame.body, into: &buffer)
        case .channels: renderChannels(model, in: frame.body, into: &buffer)
        case .history: renderHistory(model, in: frame.body, into: &buffer)
        case .quality: renderQuality(model, in: frame.body, into: &buffer)
        case .summary: renderSummary(model, in: frame.body, into: &buffer)
        case .checklist: renderChecklist(model, in: frame.body, into: &buffer)
        case .billing:
            BillingWidget(figures: model.snapshot?.billing, glyphs: glyphs, moneyDecimals: model.moneyDecimals)
                .render(frame.body, into: &buffer)
        case .account:
            let panel = Panel(title: "Account", glyphs: glyphs)
            panel.render(frame.body, into: &buffer)
            let inner = panel.inner(frame.body)
            let area = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
            if let form = model.state.form {
                PortalFormWidget(form: form, unicode: glyphs.unicode).render(area, into: &buffer)
            } else {
                AccountWidget(account: model.snapshot?.account, glyphs: glyphs, moneyDecimals: model.moneyDecimals,
                              company: model.company).render(area, into: &buffer)
            }
        case .page:
            CustomPageWidget(page: model.page, results: model.pageResults, glyphs: glyphs)
                .render(frame.body, into: &buffer)
        case .invoices:
            let panel = Panel(title: "Invoices", glyphs: glyphs)
            panel.render(frame.body, into: &buffer)
            let inner = panel.inner(frame.body)
            InvoiceListWidget(invoices: model.snapshot?.invoices, glyphs: glyphs,
                              cursor: model.keys.contains { $0.action == .invoiceList(.down) } ? model.state.invoices.row : nil)
                .render(Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height),
                        into: &buffer)
        }
        let snapshot = model.snapshot
        let context = model.context
        let status = StatusBarModel(
            version: context.version, zone: context.zone, clock: context.clock,
            channels: snapshot.map { ($0.counters.liveChannels, $0.counters.configuredChannels) },
            message: context.message, balance: snapshot?.balance, checklistItems: snapshot?.checklist?.count,
            helpKey: keyLabel(.help, model.keys, unicode: glyphs.unicode) ?? "?",
            quitKey: keyLabel(.quit, model.keys, unicode: glyphs.unicode) ?? "q",
            hints: model.state.form != nil
                ? PortalFormKey.table.compactMap { binding in
                    binding.keys.first.map { StatusBarModel.Hint(key: KeyBinding.label($0, unicode: glyphs.unicode),
                                                                 action: binding.name) }
                }
                : model.keys.filter { $0.footer && $0.view == model.state.view }.compactMap { binding in
                    binding.keys.first.map { StatusBarModel.Hint(key: KeyBinding.label($0, unicode: glyphs.unicode),
                                                                 action: binding.name) }
                },
            messageIsAlert: context.alert)
        StatusBarWidget(model: status, glyphs: glyphs).render(frame.status, into: &buffer)
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
        func box(_ title: String) -> Rect {
            let panel = Panel(title: title, glyphs: glyphs)
            panel.render(rect, into: &buffer)
            return padded(panel.inner(rect))
        }
        func graph(_ title: String, _ build: (HistorySnapshot) -> HistoryGraphModel) {
            let inner = box(title + dot + range)
            HistoryGraphWidget(model: snapshot?.history.map(build), glyphs: glyphs).render(inner, into: &buffer)
        }
        let zone = model.graphZone
        switch pane {
        case .counters:
            let counters = CountersWidget(counters: snapshot?.counters, glyphs: glyphs)
            counters.render(rect.height >= 4 ? box("Overview") : rect.inset(horizontal: 1), into: &buffer)
        case .live:
            SparklineWidget(live: snapshot?.liveChannels, endingAt: Int64(snapshot?.takenAt.timeIntervalSince1970 ?? 0),
                            glyphs: glyphs).render(box("Live channels"), into: &buffer)
        case .topCustomers:
            ChannelTableWidget(rows: snapshot?.topCustomers, glyphs: glyphs).render(box("Top customers"), into: &buffer)
        case .bottomCustomers:
            ChannelTableWidget(rows: snapshot?.bottomCustomers, glyphs: glyphs)
                .render(box("Bottom customers"), into: &buffer)
        case .topCarriers:
            ChannelTableWidget(rows: snapshot.map { $0.channelTables?.topCarriers ?? [] }, nameHeader: "Carrier",
                               glyphs: glyphs).render(box("Top carriers"), into: &buffer)
        case .bottomCarriers:
            ChannelTableWidget(rows: snapshot.map { $0.channelTables?.bottomCarriers ?? [] }, nameHeader: "Carrier",
                               glyphs: glyphs).render(box("Bottom carriers"), into: &buffer)
        case .topDIDs:
            ChannelTableWidget(rows: snapshot.map { $0.channelTables?.topDIDs ?? [] }, nameHeader: "DID",
                               glyphs: glyphs).render(box("Top DIDs"), into: &buffer)
        case .bottomDIDs:
            ChannelTableWidget(rows: snapshot.map { $0.channelTables?.bottomDIDs ?? [] }, nameHeader: "DID",
                               glyphs: glyphs).render(box("Bottom DIDs"), into: &buffer)
        case .quality:
            let inner = box(["ASR", "ACD", "DTMF by carrier", range].joined(separator: dot))
            QualityTableWidget(model: qualityModel(model), glyphs: glyphs).render(inner, into: &buffer)
        case .checklist:
            let count = snapshot?.checklist?.count
            let inner = box(count.map { "Checklist (\($0))" } ?? "Checklist")
            let offset = model.state.view == .checklist ? model.state.checklist.offset : 0
            ChecklistWidget(items: snapshot?.checklist, offset: offset, glyphs: glyphs).render(inner, into: &buffer)
        case .channelsGraph: graph("Channels") { HistoryGraphModel.channels($0, zone: zone) }
        case .cpsGraph: graph("CPS") { HistoryGraphModel.cps($0, zone: zone) }
        case .moneyGraph: graph("Spend vs provider cost") { HistoryGraphModel.spendAndCost($0, zone: zone) }
        case .profitGraph: graph("Profit") { HistoryGraphModel.profit($0, zone: zone) }
        case .dailyProfitGraph:
            let inner = box("Daily profit and loss (UTC)")
            HistoryGraphWidget(model: snapshot?.history.map(HistoryGraphModel.dailyProfit), glyphs: glyphs)
                .render(inner, into: &buffer)
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
            HistoryGraphWidget(model: history.map(build), glyphs: glyphs).render(inner, into: &buffer)
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
        let panel = Panel(title: SummaryGridWidget.title(model.state.grid, grid: model.summary, glyphs: glyphs),
                          glyphs: glyphs)
        panel.render(body, into: &buffer)
        SummaryGridWidget(grid: model.summary, state: model.state.grid, glyphs: glyphs)
            .render(padded(panel.inner(body)), into: &buffer)
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

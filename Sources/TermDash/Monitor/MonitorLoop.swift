import Foundation
import Metrics

/// The monitor's event loop: one thread, blocking on input until the next tick, drawing only when something visible
/// changed. Keys and mouse change the state; the state and the newest snapshot make a frame; the frame's diff from
/// the one shown goes to the terminal. It runs on any `TerminalBackend` and `SnapshotSource` — ncurses and the store
/// in the program, scripted input and frames built by hand in tests.
final class MonitorLoop {
    private let options: MonitorSession.Options
    /// The time the clock shows and messages expire by (fixed in tests, so frames are stable).
    private let now: () -> Date
    private var state = MonitorState()
    private var message: (text: String, until: Date)?
    /// The key table: the session's, plus a binding per custom page the last read found.
    private var keys: [KeyBinding]
    /// The pages as last read, and those shown (a page whose key is taken is left out).
    private var pageSet: PageSet?
    private var pages: [CustomPage] = []
    /// Why pages are missing or old (a broken config, a key taken), on the status line while it holds.
    private var pageProblem: String?

    init(options: MonitorSession.Options, now: @escaping () -> Date = Date.init) {
        self.options = options
        self.now = now
        keys = options.keys
        state.views = options.views
    }

    private var zoneChoice: (name: String, zone: TimeZone) { options.zones[state.zoneIndex % max(1, options.zones.count)] }
    private var zone: TimeZone { zoneChoice.zone }

    /// Runs until the user quits (nil) or `interrupted` gives a signal number other than 0 (returned).
    func run(on terminal: some TerminalBackend, snapshots: some SnapshotSource, interrupted: () -> Int32) -> Int32? {
        let glyphs = GlyphSet.choose(options.graphs, capabilities: terminal.capabilities)
        let wanted = RequestBox(request(for: terminal.size, glyphs: glyphs))
        snapshots.start { wanted.value }
        defer { snapshots.stop() }
        // Give the first read a moment so the first frame shows figures rather than "loading…" (real time: it waits
        // for the reading thread, whatever the clock shows).
        let firstReadDeadline = Date().addingTimeInterval(0.5)
        while snapshots.current().generation == 0, Date() < firstReadDeadline { usleep(10_000) }

        var clockFormatter = ClockFormat.formatter(for: zone)
        var drawnGeneration = -1
        var drawnClock = ""
        var needsDraw = true
        var summary: SummaryGrid?
        // What the terminal shows; nil when that is unknown (before the first frame, after a resize).
        var shown: CellBuffer?
        while interrupted() == 0 {
            let (frame, error, generation) = snapshots.current()
            if let found = frame?.pages, found != pageSet {
                pageSet = found
                let (table, refused) = KeyBinding.withPages(found.pages, base: options.keys)
                keys = table
                pages = found.pages.filter { page in table.contains { $0.action == .showPage(page.title) } }
                state.setPages(pages.map(\.title))
                let problems = found.problems + refused
                pageProblem = problems.isEmpty ? nil : problems.joined(separator: "; ")
                needsDraw = true
                let after = request(for: terminal.size, glyphs: glyphs)
                if wanted.value != after {
                    wanted.value = after
                    snapshots.refreshNow()
                }
            }
            // A grid read for another period or page than the one now chosen is not shown (the cursor would be wrong).
            if let grid = frame?.summary, grid.period == state.grid.period, grid.pagesBack == state.grid.page {
                if summary != grid { state.grid.update(to: grid) }
                summary = grid
            }
            let clock = clockFormatter.string(from: now())
            if let until = message?.until, until < now() {
                message = nil
                needsDraw = true
            }
            if needsDraw || generation != drawnGeneration || clock != drawnClock {
                let (width, height) = terminal.size
                if state.view == .summary, let summary, let rect = MonitorScreen.summaryRect(width: width, height: height) {
                    SummaryGridWidget.reveal(&state.grid, grid: summary, in: rect)
                }
                clampLists(frame?.dashboard, width: width, height: height)
                var buffer = CellBuffer(width: width, height: height)
                let snapshot = frame?.dashboard
                let outage = snapshots.outage()
                var model = ScreenModel(
                    snapshot: snapshot, summary: state.view == .summary ? summary : nil, state: state,
                    context: ViewContext(
                        version: options.identity.version, zone: zoneChoice.name, clock: clock, glyphs: glyphs,
                        message: outage.map { outage in
                            "store unreachable since \(ClockFormat.timeOfDay(outage.since, in: zone)) (\(outage.server))"
                        } ?? error ?? message?.text ?? pageProblem,
                        alert: outage != nil),
                    lowASR: options.checklist.minimumASR, minimumAttempts: options.checklist.minimumAttempts,
                    keys: keys, moneyDecimals: options.moneyDecimals, company: options.portal?.company)
                if state.view == .page {
                    model.page = pages.first { $0.title == state.page }
                    model.pageResults = frame?.pageResults
                }
                if let history = snapshot?.history {
                    model.graphZone = GraphZone.of(zone, from: history.from, to: history.to)
                }
                MonitorScreen.render(model, into: &buffer)
                terminal.draw(buffer.diff(from: shown))
                shown = buffer
                drawnGeneration = generation
                drawnClock = clock
                needsDraw = false
            }
            // Block until a key or the next whole second, whichever comes first: no CPU between ticks.
            let seconds = now().timeIntervalSince1970
            let untilNextSecond = Int32(((seconds.rounded(.down) + 1.03 - seconds) * 1_000).rounded(.up))
            guard let event = terminal.nextEvent(timeoutMilliseconds: max(10, untilNextSecond)) else { continue }
            needsDraw = true
            switch event {
            case .resize(let width, let height):
                shown = nil  // the terminal's screen is not the frame drawn for the old size: repaint every cell
                wanted.value = request(for: (width, height), glyphs: glyphs)
                snapshots.refreshNow()
            case .key(let key):
                // A portal form takes every key (text entry) until it is saved or cancelled.
                if state.form != nil {
                    if handleForm(key, at: Int64(now().timeIntervalSince1970)) { snapshots.refreshNow() }
                    continue
                }
                if key == .escape, state.showHelp {
                    state.showHelp = false
                    continue
                }
                guard let action = KeyBinding.action(for: key, in: state.view, table: keys) else { continue }
                let (width, height) = terminal.size
                var lists = MonitorState.Lists(
                    carriers: frame?.dashboard.quality?.carriers.map(\.id) ?? [],
                    checklistItems: frame?.dashboard.checklist?.count ?? 0,
                    invoices: frame?.dashboard.invoices?.count ?? 0,
                    pageRows: MonitorScreen.listRows(state.view, width: width, height: height))
                if state.view == .summary, let summary, let rect = MonitorScreen.summaryRect(width: width, height: height) {
                    lists.pageRows = SummaryGridWidget.layout(summary, metric: state.grid.metric, in: rect).visibleRows
                }
                let before = request(for: terminal.size, glyphs: glyphs)
                switch state.apply(action, zoneCount: options.zones.count, lists: lists) {
                case .none: break
                case .quit: return nil
                case .refresh: snapshots.refreshNow()
                // Another period or page is another request: read once, below.
                case .reloadGrid: break
                case .zoneChanged:
                    clockFormatter = ClockFormat.formatter(for: zone)
                    say("Zone \(zoneChoice.name) for the clock and graphs (summaries stay in UTC)")
                case .copySelection(let headers):
                    guard let summary, let copy = state.grid.clipboardText(summary, headers: headers,
                                                                          moneyDecimals: options.moneyDecimals)
                    else {
                        say("Nothing to copy yet")
                        break
                    }
                    say(CopyPipeline.copy(copy.text, what: copy.what, settings: options.copy,
                                          writeTerminal: { terminal.writeRaw($0) }).message)
                case .exportSelection:
                    guard let summary, let export = state.grid.csvExport(
                        summary, now: Int64(now().timeIntervalSince1970), moneyDecimals: options.moneyDecimals)
                    else {
                        say("Nothing to export yet")
                        break
                    }
                    let written = CSVExport.export(export.csv, what: export.what, directory: options.exportDirectory,
                                                   fileName: export.fileName)
                    say(written.message + offerByClipboard(written.path == nil ? nil : export.csv, terminal: terminal))
                case .copySupport:
                    let block = SupportBlock.text(
                        identity: options.identity, zone: zoneChoice.name, now: now(),
                        storePath: frame?.dashboard.storePath ?? "")
                    say(CopyPipeline.copy(block, what: "the support block", settings: options.copy,
                                          writeTerminal: { terminal.writeRaw($0) }).message)
                case .openTicket:
                    let block = SupportBlock.text(
                        identity: options.identity, zone: zoneChoice.name, now: now(),
                        storePath: frame?.dashboard.storePath ?? "")
                    say(openTicket(support: block))
                    snapshots.refreshNow()
                case .generateInvoices:
                    say(generateInvoices(summary))
                    snapshots.refreshNow()
                case .exportInvoice(let kind):
                    say(exportInvoice(kind, from: frame?.dashboard.invoices, terminal: terminal))
                case .openForm(let kind):
                    openForm(kind, user: frame?.dashboard.account?.user, at: Int64(now().timeIntervalSince1970))
                case .switchLanguage:
                    say(switchLanguage(user: frame?.dashboard.account?.user, at: Int64(now().timeIntervalSince1970)))
                    snapshots.refreshNow()
                }
                let after = request(for: terminal.size, glyphs: glyphs)
                if after != before || wanted.value != after {
                    wanted.value = after
                    snapshots.refreshNow()
                }
            case .mouse(let x, let y, let kind):
                let (width, height) = terminal.size
                if state.view == .summary, let summary, let rect = MonitorScreen.summaryRect(width: width, height: height) {
                    SummaryGridWidget.handleMouse(x: x, y: y, kind: kind, grid: summary, state: &state.grid, in: rect)
                } else if y == 0, kind == .press || kind == .click {
                    // A click on the tab line picks that view.
                    if let tab = ViewTabs.tab(at: x, current: state.view, page: state.page, keys: keys, width: width,
                                              unicode: glyphs.unicode) {
                        _ = state.apply(tab, zoneCount: options.zones.count, lists: MonitorState.Lists())
                        wanted.value = request(for: terminal.size, glyphs: glyphs)
                        snapshots.refreshNow()
                    }
                }
            }
        }
        return interrupted()
    }

    /// Opens a ticket from the view shown, with the support block; what the status line says of it.
    private func openTicket(support: String) -> String {
        guard let writer = options.writer else { return "No ticket: this monitor cannot write to the store" }
        do {
            let id = try writer.openTicket(subject: "Opened from the monitor (\(state.view.title) view)", support: support,
                                           at: Int64(now().timeIntervalSince1970))
            return "Opened ticket \(id) with the support block"
        } catch {
            return "No ticket: \(error)"
        }
    }

    /// Draft invoices for the ticked customers over the time frame chosen in the grid: the cursor's bucket (a day, a
    /// week, a month…) or the columns of the selected rectangle (`SummaryGridViewState.invoiceInterval`), those days
    /// taken in the customer's billing zone when one is set (`GridInvoicePeriod`); what the status line says of
    /// them. Customers drafted are unticked, the refused stay ticked.
    private func generateInvoices(_ grid: SummaryGrid?) -> String {
        guard let grid, let interval = state.grid.invoiceInterval(in: grid) else {
            return "No invoices: the grid is not read yet"
        }
        let rows = grid.rows.filter { state.grid.ticked.contains($0.customerID) }
        guard !rows.isEmpty else { return "No invoices: tick customers with Space first" }
        guard let writer = options.writer else { return "No invoices: this monitor cannot write to the store" }
        var created: [String] = [], refused: [String] = []
        let at = Int64(now().timeIntervalSince1970)
        for row in rows {
            let name = Sanitizer.clean(row.name)
            guard row.customerID != 0 else {
                refused.append("\(name) (not a customer)")
                continue
            }
            do {
                guard let period = GridInvoicePeriod.resolve(
                    interval, period: grid.period, zone: try writer.billingZone(customerID: row.customerID))
                else {
                    refused.append("\(name) (no such period)")
                    continue
                }
                let invoice = try writer.createDraft(customerID: row.customerID, period: period, at: at)
                created.append("\(invoice.id) \(name)")
                state.grid.ticked.remove(row.customerID)
            } catch let error as InvoiceError {
                switch error {
                case .overlaps(let existing, _): refused.append("\(name) (overlaps invoice \(existing))")
                case .noTraffic: refused.append("\(name) (no billable calls)")
                default: refused.append("\(name) (\(error))")
                }
            } catch {
                refused.append("\(name) (\(error))")
            }
        }
        let span = BucketLabel.span(interval, period: grid.period)
        var parts: [String] = []
        // What was made first (the draft numbers), then what was refused and why, then the period: the status bar
        // cuts the end of a long message.
        if !created.isEmpty {
            parts.append("Draft invoice\(created.count == 1 ? "" : "s") " + created.joined(separator: ", "))
        }
        if !refused.isEmpty { parts.append((created.isEmpty ? "Refused: " : "refused: ") + refused.joined(separator: ", ")) }
        return parts.joined(separator: "; ") + " for " + span
    }

    // MARK: Portal

    /// In a customer's portal, a CSV small enough is also handed to the terminal's clipboard (OSC 52): over SSH the
    /// file stays on the server. What the status line adds; empty elsewhere or when nothing was copied.
    private func offerByClipboard(_ csv: String?, terminal: some TerminalBackend) -> String {
        guard options.portal != nil, let csv, csv.utf8.count <= PortalExports.clipboardLimit,
              options.copy.osc52 != .off else { return "" }
        var settings = CopySettings()
        settings.osc52 = .on
        let outcome = CopyPipeline.copy(csv, what: "the CSV", settings: settings,
                                        writeTerminal: { terminal.writeRaw($0) })
        return outcome.succeeded ? "; copied to your clipboard too" : ""
    }

    /// `p`/`e` on the portal's invoice list: the invoice under the cursor into the customer's folder.
    private func exportInvoice(_ kind: PortalExports.Kind, from invoices: [Invoice]?, terminal: some TerminalBackend)
        -> String
    {
        guard let portal = options.portal else { return "Export: only in a customer's portal" }
        guard let invoices, invoices.indices.contains(state.invoices.row) else { return "No invoice selected" }
        let exports = PortalExports(reader: portal.reader, directory: portal.exportDirectory, company: portal.company)
        let result = exports.export(invoiceID: invoices[state.invoices.row].id, as: kind)
        return result.message + offerByClipboard(result.csv, terminal: terminal)
    }

    /// Opens a form on the Account view: My profile; a verification code (sent first, through `[notify]`); 2FA,
    /// which is enabling (a new secret and its QR code, confirmed by a code from it) or, when on, disabling.
    private func openForm(_ kind: PortalFormKind, user: PortalUser?, at now: Int64) {
        guard let portal = options.portal, let open = portal.ledger else {
            say("Not available: this session cannot change the profile")
            return
        }
        do {
            let ledger = try open()
            let user = try ledger.portalUser(customerID: portal.customerID)
            let language = user.language
            switch kind {
            case .profile:
                state.form = .profile(ProfileForm(user: user))
            case .verify(let channel):
                let address = user[channel.field]
                guard !address.isEmpty else {
                    say(PortalStrings.text("verify.no_address", language))
                    return
                }
                let command = channel == .email ? portal.notify.emailCommand : portal.notify.smsCommand
                let code = CodeSender.newCode()
                do {
                    try CodeSender(command: command).send(code, to: address)
                } catch {
                    say(PortalStrings.text("verify.not_sent", language, String(describing: error)))
                    return
                }
                try ledger.storeVerificationCode(customerID: portal.customerID, channel: channel, address: address,
                                                 codeHash: RecoveryCodes.sha256Hex(code), at: now)
                state.form = .code(CodeEntry(purpose: .verify(channel), language: language))
            case .twoFactor:
                if try ledger.totpSecret(customerID: portal.customerID) != nil {
                    state.form = .code(CodeEntry(purpose: .disableTwoFactor, language: language))
                } else {
                    let secret = TOTP.newSecret()
                    let issuer = portal.company.name.isEmpty ? "TermDash" : portal.company.name
                    let account = portal.accountCode
                    state.form = .code(CodeEntry(
                        purpose: .enableTwoFactor(secret: secret, uri: TOTP(secret: secret).uri(issuer: issuer, account: account)),
                        language: language))
                }
            }
        } catch {
            say("Not available: \(Sanitizer.clean(String(describing: error)))")
        }
    }

    /// A key while a form is open; true when something was stored (the Account view is read again).
    private func handleForm(_ key: Key, at now: Int64) -> Bool {
        guard let form = state.form, let portal = options.portal, let open = portal.ledger else {
            state.form = nil
            return false
        }
        do {
            switch form {
            case .recoveryCodes:
                state.form = nil
                return false
            case .profile(var profile):
                switch profile.handle(key) {
                case .editing:
                    state.form = .profile(profile)
                case .cancel:
                    state.form = nil
                    say(PortalStrings.text("profile.cancelled", profile.language))
                case .save(let values):
                    let ledger = try open()
                    do {
                        try ledger.updateProfile(customerID: portal.customerID, values, by: "portal", at: now)
                    } catch let error as PortalError {
                        profile.message = Sanitizer.clean(String(describing: error))
                        state.form = .profile(profile)
                        return false
                    }
                    let user = try ledger.portalUser(customerID: portal.customerID)
                    state.form = nil
                    say(PortalStrings.text("profile.saved", user.language))
                    return true
                }
            case .code(var entry):
                switch entry.handle(key) {
                case .editing:
                    state.form = .code(entry)
                case .cancel:
                    state.form = nil
                    say(PortalStrings.text("profile.cancelled", entry.language))
                case .submit(let typed):
                    let ledger = try open()
                    let language = entry.language
                    func wrong() {
                        if entry.wrong(PortalStrings.text("code.wrong", language, String(entry.triesLeft - 1))) {
                            state.form = .code(entry)
                        } else {
                            state.form = nil
                            say(PortalStrings.text(entry.purpose == .disableTwoFactor || isEnabling(entry)
                                                   ? "totp.denied" : "code.too_many", language))
                        }
                    }
                    switch entry.purpose {
                    case .verify(let channel):
                        guard try ledger.verify(customerID: portal.customerID, channel: channel,
                                                codeHash: RecoveryCodes.sha256Hex(typed), at: now,
                                                maximumAge: ProfileVerifyCommand.maximumAge) else {
                            wrong()
                            return false
                        }
                        state.form = nil
                        say(PortalStrings.text("verify.done", language))
                        return true
                    case .enableTwoFactor(let secret, _):
                        let totp = TOTP(secret: secret)
                        guard let step = totp.matchingStep(typed, at: now) else {
                            wrong()
                            return false
                        }
                        let codes = RecoveryCodes.generate()
                        try ledger.enableTOTP(customerID: portal.customerID, secret: secret,
                                              recoveryCodeHashes: codes.map(RecoveryCodes.hash), at: now)
                        // The code just typed is spent: it cannot open the next session.
                        _ = try ledger.acceptTOTPStep(customerID: portal.customerID, step: step)
                        state.form = .recoveryCodes(codes, language)
                        return true
                    case .disableTwoFactor:
                        guard let secret = try ledger.totpSecret(customerID: portal.customerID),
                              let step = TOTP(secret: secret).matchingStep(typed, at: now),
                              try ledger.acceptTOTPStep(customerID: portal.customerID, step: step) else {
                            wrong()
                            return false
                        }
                        try ledger.disableTOTP(customerID: portal.customerID)
                        state.form = nil
                        say(PortalStrings.text("totp.disabled", language))
                        return true
                    }
                }
            }
        } catch {
            state.form = nil
            say("Not saved: \(Sanitizer.clean(String(describing: error)))")
        }
        return false
    }

    private func isEnabling(_ entry: CodeEntry) -> Bool {
        if case .enableTwoFactor = entry.purpose { return true }
        return false
    }

    /// `L` on the Account view: the next language, stored in My profile (with the audit trail).
    private func switchLanguage(user: PortalUser?, at now: Int64) -> String {
        guard let portal = options.portal, let open = portal.ledger else {
            return "Not available: this session cannot change the profile"
        }
        do {
            let ledger = try open()
            let current = try ledger.portalUser(customerID: portal.customerID).language
            let all = PortalLanguage.allCases
            let next = all[((all.firstIndex(of: current) ?? 0) + 1) % all.count]
            try ledger.updateProfile(customerID: portal.customerID, [.language: next.rawValue],
                                     by: "portal", at: now)
            return PortalStrings.text("language.set", next)
        } catch {
            return "Not saved: \(Sanitizer.clean(String(describing: error)))"
        }
    }

    /// A note in the status bar for a few seconds.
    private func say(_ text: String) {
        message = (text, now().addingTimeInterval(6))
    }

    /// Keeps list cursors on a row and in view after the data or the terminal changed.
    private func clampLists(_ snapshot: DashboardSnapshot?, width: Int, height: Int) {
        state.quality.clamp(count: snapshot?.quality?.carriers.count ?? 0,
                            pageRows: MonitorScreen.listRows(.quality, width: width, height: height))
        state.checklist.clampScroll(count: snapshot?.checklist?.count ?? 0,
                                    pageRows: MonitorScreen.listRows(.checklist, width: width, height: height))
    }

    /// What the feed should read for this terminal size and the current state.
    private func request(for size: (width: Int, height: Int), glyphs: GlyphSet) -> FeedRequest {
        let wide = size.width >= MonitorScreen.wideOverview.width && size.height >= MonitorScreen.wideOverview.height
        let graphWidth = max(10, (wide ? size.width / 2 : size.width) - 4)
        var snapshot = SnapshotRequest(
            liveWindow: SparklineWidget.liveWindow(width: graphWidth, glyphs: glyphs),
            tableRows: min(options.tableRows, max(1, size.height)), history: state.range, channelTables: true,
            checklist: options.checklist, balance: true)
        snapshot.excludedCarriers = state.view == .quality ? state.excludedCarriers : []
        snapshot.billing = state.view == .billing
        snapshot.invoices = state.view == .invoices
        snapshot.account = state.view == .account
        return FeedRequest(snapshot: snapshot, summary: state.view == .summary ? state.grid.period : nil,
                           summaryPage: state.view == .summary ? state.grid.page : 0,
                           page: state.view == .page ? state.page : nil)
    }
}

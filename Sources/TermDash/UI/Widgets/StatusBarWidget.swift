import Metrics

/// The bottom row: ` Version 0.1.0+abc │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET │ Ch 123/4,000   ? help  q quit `.
///
/// A balance segment (` │ Bal 4,247.00 USD limit -500.00`) follows the channel count when the model has one.
/// The current view's key hints (`[ older  ] newer`) come before `? help` when the row has room for them all (the
/// channel count gives way to them first).
/// When the row is too narrow, segments give way in this order: the view's hints, the help shrinks to `? help`, the channel
/// count goes, then the balance, then the help, then the message (cut first, dropped when under a few columns), then Zone,
/// then Version; the clock stays and is cut last. Room left over after a drop goes back to `? help`.
/// A message naming a file keeps the file's name: the path's leading directories give way first (`…/name.csv`),
/// then, for the few seconds the message shows, Zone and Version; only then is it cut. An alert (the store not
/// answering) has Zone and Version give way before it is cut.
struct StatusBarWidget: Widget {
    var model: StatusBarModel
    var glyphs: GlyphSet

    private struct Segment {
        enum Kind { case version, zone, clock, channels, balance, checklist, message }
        var kind: Kind
        var text: String
    }

    private enum Help: Equatable { case hints, full, short, none }

    /// Below this the message is dropped rather than cut to an unreadable stub.
    static let minimumMessageWidth = 8

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(row, style: Style(.statusBar))
        // The same texts `termdash version` prints, so support can match them.
        let identity = StatusIdentity(version: model.version, zone: model.zone)

        var segments: [Segment] = [
            Segment(kind: .version, text: Sanitizer.clean(identity.versionText)),
            Segment(kind: .zone, text: Sanitizer.clean(identity.zoneText)),
            Segment(kind: .clock, text: Sanitizer.clean(model.clock)),
        ]
        if let channels = model.channels {
            let text = "Ch \(NumberText.grouped(channels.inUse))/\(NumberText.grouped(channels.configured))"
            segments.append(Segment(kind: .channels, text: text))
        }
        if let balance = model.balance {
            segments.append(Segment(kind: .balance, text: Self.balanceText(balance)))
        }
        if let items = model.checklistItems {
            // A glyph and a word, so the state reads without colour: "✓ Check 0", "▲ Check 3".
            let text = (items == 0 ? glyphs.ok : glyphs.alarm) + " Check \(NumberText.grouped(items))"
            segments.append(Segment(kind: .checklist, text: text))
        }
        if let message = model.message.map(Sanitizer.clean), !message.isEmpty {
            segments.append(Segment(kind: .message, text: message))
        }
        let hints = model.hints.map { StatusBarModel.Hint(key: Sanitizer.clean($0.key), action: Sanitizer.clean($0.action)) }
        var help = hints.isEmpty ? Help.full : Help.hints
        let helpKey = Sanitizer.clean(model.helpKey), quitKey = Sanitizer.clean(model.quitKey)
        let hintsWidth = hints.reduce(0) { $0 + 2 + DisplayWidth.of($1.key) + 1 + DisplayWidth.of($1.action) }
        let separator = " " + glyphs.separator + " "

        func leftWidth() -> Int {
            1 + segments.reduce(0) { $0 + DisplayWidth.of($1.text) } + max(0, segments.count - 1) * separator.count
        }
        func helpWidth() -> Int {
            switch help {
            case .hints: return hintsWidth + 2 + helpKey.count + 5 + 2 + quitKey.count + 5 + 1
            case .full: return 2 + helpKey.count + 5 + 2 + quitKey.count + 5 + 1  // "  ? help  q quit "
            case .short: return 2 + helpKey.count + 5 + 1  // "  ? help "
            case .none: return 1  // trailing space
            }
        }
        func fits() -> Bool { leftWidth() + helpWidth() <= row.width }
        func drop(_ kind: Segment.Kind) { segments.removeAll { $0.kind == kind } }

        // In a view with keys of its own, they matter more than the channel count.
        if !fits(), help == .hints { drop(.channels) }
        if !fits(), help == .hints { help = .full }
        if !fits() { help = .short }
        if !fits() { drop(.channels) }
        if !fits() { drop(.balance) }
        if !fits() { drop(.checklist) }
        if !fits() { help = .none }
        func messageRoom(_ index: Int) -> Int {
            row.width - (leftWidth() - DisplayWidth.of(segments[index].text)) - helpWidth()
        }
        if !fits(), let index = segments.firstIndex(where: { $0.kind == .message }), TextFit.containsPath(segments[index].text) {
            let message = segments[index].text
            func shorten() {
                guard let index = segments.firstIndex(where: { $0.kind == .message }) else { return }
                segments[index].text = TextFit.shortenPaths(message, toWidth: messageRoom(index), ellipsis: glyphs.ellipsis)
            }
            shorten()
            for kind in [Segment.Kind.zone, .version] where !fits() {
                drop(kind)
                shorten()
            }
        }
        if model.messageIsAlert {
            for kind in [Segment.Kind.zone, .version] where !fits() { drop(kind) }
        }
        if !fits(), let index = segments.firstIndex(where: { $0.kind == .message }) {
            let room = messageRoom(index)
            if room >= Self.minimumMessageWidth {
                segments[index].text = TextFit.truncate(segments[index].text, toWidth: room, ellipsis: glyphs.ellipsis)
            } else {
                drop(.message)
            }
        }
        if !fits() { drop(.zone) }
        if !fits() { drop(.version) }
        // Whatever room the drops freed goes back to the help hint.
        if help == .none {
            help = .short
            if !fits() { help = .none }
        }

        let bar = Style(.statusBar)
        var x = row.x + 1
        for (index, segment) in segments.enumerated() {
            if index > 0 { x += buffer.put(separator, x: x, y: row.y, style: bar, maxWidth: row.maxX - x) }
            let style = segment.kind == .message ? Style(.statusBar, bold: true) : bar
            let text = TextFit.truncate(segment.text, toWidth: row.maxX - x, ellipsis: glyphs.ellipsis)
            x += buffer.put(text, x: x, y: row.y, style: style, maxWidth: row.maxX - x)
        }
        // The key hints sit at the right edge, where the eye looks for them.
        let keys: [(key: String, action: String)]
        switch help {
        case .hints: keys = hints.map { ($0.key, $0.action) } + [(helpKey, "help"), (quitKey, "quit")]
        case .full: keys = [(helpKey, "help"), (quitKey, "quit")]
        case .short: keys = [(helpKey, "help")]
        case .none: keys = []
        }
        var hx = row.maxX - helpWidth() + 2
        for (index, hint) in keys.enumerated() {
            if index > 0 { hx += 2 }
            hx += buffer.put(hint.key, x: hx, y: row.y, style: Style(.statusKey))
            hx += buffer.put(" " + hint.action, x: hx, y: row.y, style: bar)
        }
    }

    /// "Bal 4,247.00 USD limit -500.00", and "OVER" once the balance is below the limit: the state is a word.
    static func balanceText(_ balance: AccountBalance) -> String {
        let currency = balance.currency.map { " " + Sanitizer.clean($0) } ?? ""
        var text = "Bal \(NumberText.money(balance.balance))\(currency) limit \(NumberText.money(balance.floor))"
        if balance.isPastLimit { text += " OVER" }
        return text
    }
}

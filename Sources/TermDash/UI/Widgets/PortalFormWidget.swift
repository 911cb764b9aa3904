import Metrics

/// The form open on the portal's Account view, inside the view's panel.
struct PortalFormWidget: Widget {
    var form: PortalForm
    var unicode: Bool

    func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        switch form {
        case .profile(let profile): ProfileFormWidget(form: profile, unicode: unicode).render(area, into: &buffer)
        case .code(let entry): CodeEntryWidget(entry: entry, unicode: unicode).render(area, into: &buffer)
        case .recoveryCodes(let codes, let language):
            let lines = [PortalStrings.text("totp.enabled", language), PortalStrings.text("totp.recovery_codes", language)]
                + codes.map { "  " + $0 } + [PortalStrings.text("totp.recovery_close", language)]
            for (row, line) in lines.prefix(area.height).enumerated() {
                buffer.put(line, x: area.x, y: area.y + row, style: row == 0 ? Style(.label) : .normal,
                           maxWidth: area.width)
            }
        }
    }
}

import Metrics

/// A code typed in the portal: what it is for, for enabling 2FA the QR code (half blocks) and the secret as text,
/// the prompt with what was typed and a cursor (▏ or _), the last message and the keys. Lines that do not fit are
/// dropped from the bottom, the prompt kept before the QR code: without room the code says to enlarge the terminal.
struct CodeEntryWidget: Widget {
    var entry: CodeEntry
    var unicode: Bool

    func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let language = entry.language
        func t(_ key: String) -> String { PortalStrings.text(key, language) }
        var top: [(String, Style)] = []
        var qr: QRCodeWidget?
        switch entry.purpose {
        case .verify(let channel):
            top.append((t("verify.title.\(channel.rawValue)"), Style(.label)))
            top.append((t("verify.sent"), .normal))
        case .enableTwoFactor(let secret, let uri):
            top.append((t("totp.enable.title"), Style(.label)))
            top.append((t("totp.scan"), .normal))
            if let matrix = QRMatrix(uri) { qr = QRCodeWidget(matrix: matrix, unicode: unicode, tooSmall: t("totp.too_small")) }
            let letters = Array(Base32.encode(secret))
            top.append((stride(from: 0, to: letters.count, by: 4).map { String(letters[$0..<min($0 + 4, letters.count)]) }
                .joined(separator: " "), Style(.value)))
        case .disableTwoFactor:
            top.append((t("totp.disable.title"), Style(.label)))
        }
        var bottom: [(String, Style)] = [
            (t("code.prompt") + entry.typed + (unicode ? "▏" : "_"), Style(.value)),
            (t("code.hint"), Style(.dim)),
        ]
        if let message = entry.message { bottom.append((Sanitizer.clean(message), .normal)) }
        var y = area.y
        for line in top + bottom where y < area.maxY {
            buffer.put(line.0, x: area.x, y: y, style: line.1, maxWidth: area.width)
            y += 1
        }
        guard let qr, y < area.maxY else { return }
        let size = qr.size
        let room = Rect(x: area.x, y: y, width: area.width, height: area.maxY - y)
        qr.render(Rect(x: room.x, y: room.y, width: min(room.width, size.width), height: min(room.height, size.height)),
                  into: &buffer)
    }
}

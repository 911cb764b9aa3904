import Metrics

/// A code typed in the portal: what it is for, for enabling 2FA the QR code (half blocks) and the secret as text,
/// the prompt with what was typed and a cursor (▏ or _), the last message and the keys. The QR code goes on the
/// left with the text wrapped beside it when both fit (an 80×24 terminal), else the text comes first and the code
/// below it, or a line saying to enlarge the terminal. Lines that do not fit are dropped from the bottom.
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
            // In groups of four, four groups a line: it fits beside the code on 80 columns.
            let groups = stride(from: 0, to: letters.count, by: 4).map { String(letters[$0..<min($0 + 4, letters.count)]) }
            for start in stride(from: 0, to: groups.count, by: 4) {
                top.append((groups[start..<min(start + 4, groups.count)].joined(separator: " "), Style(.value)))
            }
        case .disableTwoFactor:
            top.append((t("totp.disable.title"), Style(.label)))
        }
        var bottom: [(String, Style)] = [
            (t("code.prompt") + entry.typed + (unicode ? "▏" : "_"), Style(.value)),
            (t("code.hint"), Style(.dim)),
        ]
        if let message = entry.message { bottom.append((Sanitizer.clean(message), .normal)) }
        // Beside the code: at least this many columns for the text. An otpauth:// URI makes a 37-module code: with a
        // quiet zone of 2 it takes 21 rows, one more than 80×24 leaves, so there the zone is 1 module (the test
        // decodes it with the dark screen around it).
        let besideWidth = 30
        if var shrunk = qr, shrunk.size.height > area.height {
            shrunk.margin = 1
            qr = shrunk
        }
        if let qr, unicode, qr.size.height <= area.height, qr.size.width + 2 + besideWidth <= area.width {
            qr.render(Rect(x: area.x, y: area.y, width: qr.size.width, height: qr.size.height), into: &buffer)
            let column = Rect(x: area.x + qr.size.width + 2, y: area.y, width: area.width - qr.size.width - 2,
                              height: area.height)
            var y = column.y
            for line in top + bottom {
                // The secret's groups stay whole; other text wraps at words.
                for part in line.1 == Style(.value) ? [line.0] : TextFit.wrap(line.0, width: column.width)
                where y < column.maxY {
                    buffer.put(part, x: column.x, y: y, style: line.1, maxWidth: column.width)
                    y += 1
                }
            }
            return
        }
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

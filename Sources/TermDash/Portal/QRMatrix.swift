import CQRencode

/// A QR code's modules, dark or light, row by row (libqrencode; every call to it is here).
struct QRMatrix: Equatable {
    let width: Int
    /// `width * width` modules, row-major; true is dark.
    let dark: [Bool]

    /// Encodes `text` with the lowest error correction level (L), so an otpauth:// URI stays small enough for an
    /// 80×24 terminal; nil when libqrencode refuses it (too long).
    init?(_ text: String) {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_L) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        // Bit 0 of each byte is the module's colour; the other bits say what kind of module it is.
        dark = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
        self.width = width
    }

    init(width: Int, dark: [Bool]) {
        self.width = width
        self.dark = dark
    }

    /// Outside the code: the light quiet zone.
    func isDark(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < width && dark[y * width + x]
    }
}

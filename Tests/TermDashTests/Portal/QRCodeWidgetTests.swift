import Foundation
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The 2FA QR code: half blocks over a hand-made matrix as literal lines, the fallback line when it does not fit,
/// and a real otpauth:// code drawn, turned back into an image and decoded by zbarimg (Debian's zbar-tools).
final class QRCodeWidgetTests: XCTestCase {
    /// Dark modules: a diagonal and the bottom-right corner of a 3×3 code.
    private let tiny = QRMatrix(width: 3, dark: [true, false, false,
                                                 false, true, false,
                                                 false, false, true])

    func testHalfBlocksLightModulesDrawnInsideTheQuietZone() {
        let widget = QRCodeWidget(matrix: tiny, unicode: true, tooSmall: "too small", margin: 1)
        // 5 modules square with the margin: rows (y -1, 0), (1, 2), (3, quiet).
        assertScreen(widget.lines(width: 5, height: 3), [
            "█▀███",  // rows -1 (quiet) and 0: x 0 is dark below, so only its top half is drawn
            "██▄▀█",  // rows 1 and 2: x 1 dark above, x 2 dark below
            "█████",  // row 3 quiet, then past the code: light
        ])
    }

    func testAtZeroOneAndTooSmallItSaysSoInOneLine() {
        let widget = QRCodeWidget(matrix: tiny, unicode: true, tooSmall: "QR code: enlarge", margin: 1)
        assertScreen(widget.lines(width: 0, height: 0), [])
        assertScreen(widget.lines(width: 1, height: 1), ["Q"])
        assertScreen(widget.lines(width: 10, height: 2), ["QR code: e", "          "])
        let ascii = QRCodeWidget(matrix: tiny, unicode: false, tooSmall: "type the secret", margin: 1)
        let blank = String(repeating: " ", count: 20)
        assertScreen(ascii.lines(width: 20, height: 3), ["type the secret     ", blank, blank])
    }

    func testAnOtpauthCodeFitsEightyByTwentyFourAndDecodesBack() throws {
        let uri = "otpauth://totp/TermDash:ACME?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=TermDash"
        let matrix = try XCTUnwrap(QRMatrix(uri))
        let widget = QRCodeWidget(matrix: matrix, unicode: true, tooSmall: "")
        XCTAssertLessThanOrEqual(widget.size.width, 80)
        XCTAssertLessThanOrEqual(widget.size.height, 22, "room for a title and the secret")
        let lines = widget.lines(width: widget.size.width, height: widget.size.height)

        let zbarimg = "/usr/bin/zbarimg"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: zbarimg), "zbarimg (zbar-tools) is not installed")
        // Back from the cells to modules (light = 0 in PBM), scaled 4× for the decoder.
        let scale = 4
        var rows: [[Int]] = []
        for line in lines {
            var top: [Int] = [], bottom: [Int] = []
            for character in line {
                top.append(character == "█" || character == "▀" ? 0 : 1)
                bottom.append(character == "█" || character == "▄" ? 0 : 1)
            }
            rows += [top, bottom]
        }
        // A wider white border than the quiet zone drawn, as a screen around the code gives.
        let pad = 4
        let width = (rows[0].count + 2 * pad) * scale
        var pbm = "P1\n\(width) \((rows.count + 2 * pad) * scale)\n"
        let blank = String(repeating: "0 ", count: width) + "\n"
        pbm += String(repeating: blank, count: pad * scale)
        for row in rows {
            let padded = Array(repeating: 0, count: pad) + row + Array(repeating: 0, count: pad)
            let line = padded.flatMap { Array(repeating: String($0), count: scale) }.joined(separator: " ") + "\n"
            pbm += String(repeating: line, count: scale)
        }
        pbm += String(repeating: blank, count: pad * scale)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("td-qr-\(UUID()).pbm")
        try pbm.write(to: file, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(at: file) }
        let decoded = try EndToEnd.run(zbarimg, ["--raw", "-q", file.path])
        XCTAssertEqual(decoded.status, 0, decoded.stderr)
        XCTAssertEqual(decoded.stdout.trimmingCharacters(in: .newlines), uri)
    }
}

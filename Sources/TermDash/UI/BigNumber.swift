/// Figures three rows tall, for counters read from across the room.
///
/// Unicode terminals get a half-block font; others the classic seven-segment ASCII font. Digits are three
/// columns wide with one column between them; a comma takes that column, so "1,234" is 15 columns.
enum BigNumber {
    static let height = 3

    private static let blockFont: [Character: [String]] = [
        "0": ["█▀█", "█ █", "▀▀▀"],
        "1": ["▀█ ", " █ ", "▀▀▀"],
        "2": ["▀▀█", "█▀▀", "▀▀▀"],
        "3": ["▀▀█", " ▀█", "▀▀▀"],
        "4": ["█ █", "▀▀█", "  ▀"],
        "5": ["█▀▀", "▀▀█", "▀▀▀"],
        "6": ["█▀▀", "█▀█", "▀▀▀"],
        "7": ["▀▀█", "  █", "  ▀"],
        "8": ["█▀█", "█▀█", "▀▀▀"],
        "9": ["█▀█", "▀▀█", "▀▀▀"],
    ]

    private static let asciiFont: [Character: [String]] = [
        "0": [" _ ", "| |", "|_|"],
        "1": ["   ", "  |", "  |"],
        "2": [" _ ", " _|", "|_ "],
        "3": [" _ ", " _|", " _|"],
        "4": ["   ", "|_|", "  |"],
        "5": [" _ ", "|_ ", " _|"],
        "6": [" _ ", "|_ ", "|_|"],
        "7": [" _ ", "  |", "  |"],
        "8": [" _ ", "|_|", "|_|"],
        "9": [" _ ", "|_|", " _|"],
    ]

    /// Whether `text` is made only of what the font can draw (digits and thousands separators).
    static func canRender(_ text: String) -> Bool {
        !text.isEmpty && text.first != "," && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ",") }
    }

    /// Columns `text` takes in the big font.
    static func width(of text: String) -> Int {
        let digits = text.filter(\.isNumber).count
        return digits == 0 ? 0 : 4 * digits - 1
    }

    /// The three rows of `text` as strings.
    static func rows(_ text: String, unicode: Bool) -> [String] {
        let font = unicode ? blockFont : asciiFont
        var rows = ["", "", ""]
        var previousWasDigit = false
        for character in text {
            if character == "," {
                rows[0] += " "
                rows[1] += " "
                rows[2] += ","
                previousWasDigit = false
            } else if let glyph = font[character] {
                if previousWasDigit { for i in 0..<3 { rows[i] += " " } }
                for i in 0..<3 { rows[i] += glyph[i] }
                previousWasDigit = true
            }
        }
        return rows
    }

    static func render(_ text: String, x: Int, y: Int, unicode: Bool, style: Style, into buffer: inout CellBuffer) {
        for (index, row) in rows(text, unicode: unicode).enumerated() {
            buffer.put(row, x: x, y: y + index, style: style)
        }
    }
}

/// Every character the views draw that is not data, chosen once from the terminal's abilities,
/// so widgets never test for Unicode themselves.
struct GlyphSet: Equatable, Sendable {
    var graphStyle: GraphStyle
    /// Whether the set uses characters beyond ASCII.
    var unicode: Bool
    var horizontal: String
    var vertical: String
    var topLeft: String
    var topRight: String
    var bottomLeft: String
    var bottomRight: String
    /// Sparkline levels from empty to full (block and ascii styles); index 0 is blank.
    var sparkLevels: [String]
    var ellipsis: String
    /// Between status bar segments.
    var separator: String
    var ok: String
    /// A row ticked for an action (the summary's customers to invoice).
    var tick: String
    var warning: String
    var alarm: String
    var barFull: String
    var barEmpty: String
    /// For "40×10".
    var times: String
    /// A limit that is not set.
    var unlimited: String

    static let unicodeBlock = GlyphSet(
        graphStyle: .block, unicode: true,
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        sparkLevels: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        ellipsis: "…", separator: "│", ok: "●", tick: "✓", warning: "◆", alarm: "▲",
        barFull: "█", barEmpty: "░", times: "×", unlimited: "∞")

    static let unicodeBraille: GlyphSet = {
        var set = GlyphSet.unicodeBlock
        set.graphStyle = .braille
        return set
    }()

    static let ascii = GlyphSet(
        graphStyle: .ascii, unicode: false,
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        sparkLevels: [" ", ".", ":", "-", "=", "+", "*", "#"],
        ellipsis: "...", separator: "|", ok: "o", tick: "x", warning: "*", alarm: "!",
        barFull: "#", barEmpty: ".", times: "x", unlimited: "-")

    /// Vertical steps one cell can show in this style.
    var levelsPerCell: Int {
        graphStyle == .braille ? 4 : max(1, sparkLevels.count - 1)
    }

    /// Samples one cell holds.
    var samplesPerCell: Int { graphStyle == .braille ? 2 : 1 }

    /// A braille cell with a left bar `left` dots high and a right bar `right` dots high (each 0...4).
    static func braille(left: Int, right: Int) -> String {
        // Dots from the bottom up: left column 7, 3, 2, 1; right column 8, 6, 5, 4.
        let leftBits: [UInt32] = [0x40, 0x04, 0x02, 0x01]
        let rightBits: [UInt32] = [0x80, 0x20, 0x10, 0x08]
        var pattern: UInt32 = 0
        for i in 0..<min(max(left, 0), 4) { pattern |= leftBits[i] }
        for i in 0..<min(max(right, 0), 4) { pattern |= rightBits[i] }
        return String(Character(Unicode.Scalar(0x2800 + pattern)!))
    }
}

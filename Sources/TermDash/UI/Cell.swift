/// One terminal cell: a grapheme and how it looks.
struct Cell: Equatable, Hashable, Sendable {
    /// One grapheme (possibly with combining marks), " " when blank, "" for the right half of a wide character.
    var text: String
    var style: Style
    /// The right half of a two-column character drawn in the cell to the left.
    var isContinuation: Bool

    init(_ text: String = " ", style: Style = .normal, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    static let blank = Cell()
}

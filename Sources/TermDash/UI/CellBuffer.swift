/// The frame views draw into. It is plain data: it diffs itself against the frame shown before (`diff(from:)`) so
/// the backend sends only what changed, and tests compare `lines()` with literal text.
struct CellBuffer: Equatable, Sendable {
    let width: Int
    let height: Int
    private var cells: [Cell]

    /// A cell holds at most this many scalars, as ncurses does (CCHARW_MAX); the rest of a pathological
    /// stack of combining marks is dropped.
    static let maxScalarsPerCell = 5

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Reading outside the buffer gives a blank cell; writing there is ignored.
    subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `string` from column `x` of row `y` and returns the columns written.
    ///
    /// The text is sanitised (no control character can reach the terminal), clipped at the buffer edge and at
    /// `maxWidth` columns. A wide character that would straddle the limit is dropped, not split; combining marks
    /// join the character before them.
    @discardableResult
    mutating func put(_ string: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        if let written = putSimple(string, x: x, y: y, style: style, limit: limit) { return written }
        var column = x
        var lastWritten: Int?  // index of the last lead cell this call wrote, for combining marks
        for character in Sanitizer.clean(string) {
            let columns = DisplayWidth.of(character)
            if columns == 0 {
                if let index = lastWritten,
                    let scalar = character.unicodeScalars.first, DisplayWidth.isCombining(scalar)
                {
                    let existing = cells[index].text.unicodeScalars.count
                    let room = CellBuffer.maxScalarsPerCell - existing
                    if room > 0 { cells[index].text.unicodeScalars.append(contentsOf: character.unicodeScalars.prefix(room)) }
                }
                continue
            }
            if column + columns > limit { break }
            if column < 0 {  // left of the buffer: skip, as if drawn off-screen
                column += columns
                continue
            }
            detachWide(x: column, y: y)
            if columns == 2 { detachWide(x: column + 1, y: y) }
            let index = y * width + column
            var text = String(character)
            if text.unicodeScalars.count > CellBuffer.maxScalarsPerCell {
                text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(CellBuffer.maxScalarsPerCell)))
            }
            cells[index] = Cell(text, style: style)
            if columns == 2 { cells[index + 1] = Cell("", style: style, isContinuation: true) }
            lastWritten = index
            column += columns
        }
        return max(0, column - max(x, 0))
    }

    /// The common case of `put`, done without sanitising, segmenting or measuring: text made only of scalars
    /// that `isSimple` accepts is one cell per scalar, exactly as the general path would place it. Nil otherwise.
    private mutating func putSimple(_ string: String, x: Int, y: Int, style: Style, limit: Int) -> Int? {
        let scalars = string.unicodeScalars
        guard scalars.allSatisfy(CellBuffer.isSimple) else { return nil }
        var column = x
        for scalar in scalars {
            if column >= limit { break }
            if column >= 0 {
                detachWide(x: column, y: y)
                cells[y * width + column] = Cell(String(scalar), style: style)
            }
            column += 1
        }
        return max(0, column - max(x, 0))
    }

    /// A printable scalar one column wide that is a whole grapheme whatever its neighbours, and that the
    /// sanitiser keeps: printable ASCII and Latin letters, general punctuation (dashes, quotes, bullet,
    /// ellipsis), box drawing, block elements, geometric shapes (without the two with emoji presentation)
    /// and braille — the figures, names and glyphs that fill a frame.
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x24F: return true  // not U+00AD, the soft hyphen (a format character)
        case 0x2010...0x2027, 0x2500...0x25FC, 0x2800...0x28FF: return true
        default: return false
        }
    }

    /// Blanks every cell of `rect` (clipped to the buffer) with `style`.
    mutating func fill(_ rect: Rect, style: Style = .normal, with character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let text = DisplayWidth.of(character) == 1 ? Sanitizer.clean(String(character)) : " "
        let cell = Cell(text.isEmpty ? " " : text, style: style)
        for row in area.y..<area.maxY {
            detachWide(x: area.x, y: row)
            detachWide(x: area.maxX - 1, y: row)
            for column in area.x..<area.maxX { cells[row * width + column] = cell }
        }
    }

    /// Changes the style of every cell of `rect`, keeping the text (for selection highlights).
    mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { cells[row * width + column].style = style }
        }
    }

    /// The rows as plain text; wide characters stand for their two columns, trailing spaces are kept.
    func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = cells[row * width + column]
                if !cell.isContinuation { line += cell.text }
            }
            return line
        }
    }

    /// What a terminal showing `previous` must change to show this frame; with nothing known of the screen (nil) or
    /// a frame of another size, a repaint of every cell.
    func diff(from previous: CellBuffer?) -> FrameDiff {
        func change(_ index: Int) -> FrameDiff.Change {
            FrameDiff.Change(x: index % width, y: index / width, cell: cells[index])
        }
        guard let previous, previous.width == width, previous.height == height else {
            return FrameDiff(width: width, height: height, repaint: true, changes: cells.indices.map(change))
        }
        let changed = cells.indices.filter { cells[$0] != previous.cells[$0] }
        return FrameDiff(width: width, height: height, repaint: false, changes: changed.map(change))
    }

    /// Before a cell is overwritten, blanks the other half of any wide character it belongs to, so no
    /// half-character is ever left behind.
    private mutating func detachWide(x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
            cells[index] = Cell(" ", style: cells[index].style)
        } else if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }
}

/// A rectangle of terminal cells. Sizes are never negative: every operation clamps, so layout code
/// can subtract freely on a tiny terminal without producing nonsense rectangles.
struct Rect: Equatable, Hashable, Sendable {
    var x: Int
    var y: Int
    var width: Int { didSet { width = max(0, width) } }
    var height: Int { didSet { height = max(0, height) } }

    init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    var isEmpty: Bool { width == 0 || height == 0 }
    /// One past the last column.
    var maxX: Int { x + width }
    /// One past the last row.
    var maxY: Int { y + height }

    func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// Shrinks by `horizontal` columns on each side and `vertical` rows on top and bottom.
    func inset(horizontal: Int = 0, vertical: Int = 0) -> Rect {
        let dx = min(max(0, horizontal), width / 2)
        let dy = min(max(0, vertical), height / 2)
        return Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    func inset(by amount: Int) -> Rect { inset(horizontal: amount, vertical: amount) }

    /// The overlap of two rectangles (empty, positioned at the origin of `self`, when they do not meet).
    func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    // MARK: Carving off edges

    /// Splits off the first `rows` rows (fewer when the rectangle is shorter).
    func takeTop(_ rows: Int) -> (taken: Rect, rest: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// Splits off the last `rows` rows.
    func takeBottom(_ rows: Int) -> (taken: Rect, rest: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(x: x, y: maxY - n, width: width, height: n), Rect(x: x, y: y, width: width, height: height - n))
    }

    /// Splits off the first `columns` columns.
    func takeLeft(_ columns: Int) -> (taken: Rect, rest: Rect) {
        let n = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    /// Splits off the last `columns` columns.
    func takeRight(_ columns: Int) -> (taken: Rect, rest: Rect) {
        let n = min(max(0, columns), width)
        return (Rect(x: maxX - n, y: y, width: n, height: height), Rect(x: x, y: y, width: width - n, height: height))
    }

    // MARK: Splitting into several parts

    /// How much of a split a part asks for.
    enum Length: Equatable, Sendable {
        /// Exactly this many cells (or what is left).
        case fixed(Int)
        /// This share (0...1) of the whole, rounded down.
        case fraction(Double)
        /// An equal share of whatever the fixed and fractional parts leave.
        case fill
    }

    /// Splits into rows, top to bottom. Parts that do not fit get zero height; the result always has one rect per length.
    func rows(_ lengths: [Length]) -> [Rect] {
        Rect.distribute(height, lengths).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.size) }
    }

    /// Splits into columns, left to right.
    func columns(_ lengths: [Length]) -> [Rect] {
        Rect.distribute(width, lengths).map { Rect(x: x + $0.offset, y: y, width: $0.size, height: height) }
    }

    /// `count` columns of equal width separated by `gap` columns; leftover columns go to the leftmost parts.
    func equalColumns(_ count: Int, gap: Int = 0) -> [Rect] {
        guard count > 0 else { return [] }
        let usable = max(0, width - gap * (count - 1))
        var result: [Rect] = []
        var cursor = x
        for index in 0..<count {
            let size = usable / count + (index < usable % count ? 1 : 0)
            let clipped = max(0, min(size, maxX - cursor))
            result.append(Rect(x: cursor, y: y, width: clipped, height: height))
            cursor = min(maxX, cursor + size + gap)
        }
        return result
    }

    private static func distribute(_ total: Int, _ lengths: [Length]) -> [(offset: Int, size: Int)] {
        var sizes = lengths.map { length -> Int in
            switch length {
            case .fixed(let n): return max(0, n)
            case .fraction(let f): return max(0, Int((Double(total) * min(max(f, 0), 1)).rounded(.down)))
            case .fill: return 0
            }
        }
        let fills = lengths.indices.filter { lengths[$0] == .fill }
        let remaining = max(0, total - sizes.reduce(0, +))
        for (order, index) in fills.enumerated() {
            sizes[index] = remaining / fills.count + (order < remaining % fills.count ? 1 : 0)
        }
        var offset = 0
        return sizes.map { size in
            let clipped = min(size, total - offset)
            defer { offset += clipped }
            return (offset, clipped)
        }
    }
}

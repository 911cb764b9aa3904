import Metrics

/// A direction the grid cursor goes.
enum GridDirection: Equatable, Sendable {
    case up, down, left, right, pageUp, pageDown, home, end, top, bottom
}

/// What a key does in the summary grid.
enum GridCommand: Equatable, Sendable {
    case move(GridDirection)
    /// Shift+move: grows the selection.
    case extend(GridDirection)
    case toggleAnchor, clearSelection, selectAll
    case nextMetric, previousMetric, nextPeriod, previousPeriod
    case copy, copyWithHeaders, export
}

/// What the session has to do after a grid command, beyond drawing again.
enum GridEffect: Equatable, Sendable {
    /// Only the view changed.
    case redraw
    /// The period changed: read the grid of `state.period`, then `state.update(to:)`.
    case reloadGrid
    /// Copy the selection (`SummaryGridViewState.clipboardText`) through `CopyPipeline.copy`.
    case copy(headers: Bool)
    /// Write the CSV (`SummaryGridViewState.csvExport`) through `CSVExport.export`.
    case export
}

/// The grid's keys, as data (like `KeyBinding`), so dispatch and help come from one table.
struct GridKeyBinding: Sendable {
    var command: GridCommand
    var keys: [Key]
    var name: String
    var help: String

    static let defaults: [GridKeyBinding] = [
        GridKeyBinding(command: .move(.up), keys: [.up, .character("k")], name: "up", help: "Cursor up"),
        GridKeyBinding(command: .move(.down), keys: [.down, .character("j")], name: "down", help: "Cursor down"),
        GridKeyBinding(command: .move(.left), keys: [.left, .character("h")], name: "left", help: "Cursor to the older bucket"),
        GridKeyBinding(command: .move(.right), keys: [.right, .character("l")], name: "right",
                       help: "Cursor to the newer bucket"),
        GridKeyBinding(command: .extend(.up), keys: [.shiftUp, .character("K")], name: "select up", help: "Grow the selection up"),
        GridKeyBinding(command: .extend(.down), keys: [.shiftDown, .character("J")], name: "select down",
                       help: "Grow the selection down"),
        GridKeyBinding(command: .extend(.left), keys: [.shiftLeft, .character("H")], name: "select left",
                       help: "Grow the selection left"),
        GridKeyBinding(command: .extend(.right), keys: [.shiftRight, .character("L")], name: "select right",
                       help: "Grow the selection right"),
        GridKeyBinding(command: .move(.pageUp), keys: [.pageUp], name: "page up", help: "A screen of customers up"),
        GridKeyBinding(command: .move(.pageDown), keys: [.pageDown], name: "page down", help: "A screen of customers down"),
        GridKeyBinding(command: .move(.home), keys: [.home, .character("0")], name: "oldest", help: "First (oldest) bucket"),
        GridKeyBinding(command: .move(.end), keys: [.end, .character("$")], name: "newest", help: "Last (newest) bucket"),
        GridKeyBinding(command: .move(.top), keys: [.character("g")], name: "top", help: "First customer"),
        GridKeyBinding(command: .move(.bottom), keys: [.character("G")], name: "bottom", help: "Last customer"),
        GridKeyBinding(command: .toggleAnchor, keys: [.character("v")], name: "select",
                       help: "Start or end a selection that moves extend"),
        GridKeyBinding(command: .clearSelection, keys: [.escape], name: "unselect", help: "Drop the selection"),
        GridKeyBinding(command: .selectAll, keys: [.character("a")], name: "all", help: "Select every cell"),
        GridKeyBinding(command: .nextMetric, keys: [.character("m")], name: "figure",
                       help: "Next figure (attempts, answered, ASR, ACD, DTMF, money)"),
        GridKeyBinding(command: .previousMetric, keys: [.character("M")], name: "figure back", help: "Previous figure"),
        GridKeyBinding(command: .nextPeriod, keys: [.character("p")], name: "period", help: "Live, daily, monthly (UTC)"),
        GridKeyBinding(command: .previousPeriod, keys: [.character("P")], name: "period back", help: "Previous period"),
        GridKeyBinding(command: .copy, keys: [.character("y")], name: "copy", help: "Copy the selection (TSV)"),
        GridKeyBinding(command: .copyWithHeaders, keys: [.character("Y")], name: "copy+headers",
                       help: "Copy the selection with bucket and customer headers"),
        GridKeyBinding(command: .export, keys: [.character("e")], name: "export",
                       help: "Export the selection (or the whole grid) to a CSV file"),
    ]

    static func command(for key: Key, in table: [GridKeyBinding] = defaults) -> GridCommand? {
        table.first { $0.keys.contains(key) }?.command
    }
}

extension SummaryGridViewState {
    /// Applies a grid command. `pageRows` is how many customer rows the pane shows
    /// (`SummaryGridWidget.layout(…).visibleRows`). Returns what the session must do next.
    mutating func apply(_ command: GridCommand, pageRows: Int) -> GridEffect {
        func gridMove(_ direction: GridDirection) -> GridMove {
            switch direction {
            case .up: return .up
            case .down: return .down
            case .left: return .left
            case .right: return .right
            case .pageUp: return .pageUp(rows: pageRows)
            case .pageDown: return .pageDown(rows: pageRows)
            case .home: return .home
            case .end: return .end
            case .top: return .top
            case .bottom: return .bottom
            }
        }
        switch command {
        case .move(let direction): selection.move(gridMove(direction))
        case .extend(let direction): selection.extend(gridMove(direction))
        case .toggleAnchor: selection.toggleAnchor()
        case .clearSelection: selection.clearSelection()
        case .selectAll: selection.selectAll()
        case .nextMetric: cycleMetric()
        case .previousMetric: cycleMetric(backwards: true)
        case .nextPeriod:
            cyclePeriod()
            return .reloadGrid
        case .previousPeriod:
            cyclePeriod(backwards: true)
            return .reloadGrid
        case .copy: return .copy(headers: false)
        case .copyWithHeaders: return .copy(headers: true)
        case .export: return .export
        }
        return .redraw
    }

    /// The selection as TSV (with headers for `Y`) and what it is ("6 cells"), for `CopyPipeline.copy`;
    /// nil when there is nothing to copy (an empty grid, or a grid of another period than the one shown).
    func clipboardText(_ grid: SummaryGrid, headers: Bool, moneyDecimals: Int = 2) -> (text: String, what: String)? {
        guard grid.period == period, let range = selection.range else { return nil }
        let text = SelectionExport.tsv(grid, range: range, metric: metric, headers: headers, moneyDecimals: moneyDecimals)
        guard !text.isEmpty else { return nil }
        return (text, SelectionExport.describe(range, in: grid) + (headers ? " with headers" : ""))
    }

    /// The CSV for `e` (the selection, or the whole grid when nothing is selected), what it holds and a file
    /// name stamped with `now` (Unix seconds, UTC), for `CSVExport.export`.
    func csvExport(_ grid: SummaryGrid, now: Int64, moneyDecimals: Int = 2) -> (csv: String, what: String, fileName: String)? {
        guard grid.period == period, let range = exportRange else { return nil }
        let csv = SelectionExport.csv(grid, range: range, metric: metric, moneyDecimals: moneyDecimals)
        guard !csv.isEmpty else { return nil }
        return (csv, SelectionExport.describe(range, in: grid),
                SelectionExport.fileName(period: period, metric: metric, at: now))
    }
}

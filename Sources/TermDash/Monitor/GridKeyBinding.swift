import Metrics

/// The grid's keys, as data (like `KeyBinding`), so dispatch and help come from one table.
struct GridKeyBinding: Sendable {
    var command: GridCommand
    var keys: [Key]
    var name: String
    var help: String
    /// Shown as a hint in the status bar while the summary view is open.
    var footer = false

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
        GridKeyBinding(command: .nextPeriod, keys: [.character("p")], name: "period",
                       help: "Live, daily, weekly, monthly (UTC)"),
        GridKeyBinding(command: .previousPeriod, keys: [.character("P")], name: "period back", help: "Previous period"),
        GridKeyBinding(command: .copy, keys: [.character("y")], name: "copy", help: "Copy the selection (TSV)"),
        GridKeyBinding(command: .copyWithHeaders, keys: [.character("Y")], name: "copy+headers",
                       help: "Copy the selection with bucket and customer headers"),
        GridKeyBinding(command: .export, keys: [.character("e")], name: "export",
                       help: "Export the selection (or the whole grid) to a CSV file"),
        GridKeyBinding(command: .pageBack, keys: [.character("[")], name: "older",
                       help: "The time axis a page back (older buckets)", footer: true),
        GridKeyBinding(command: .pageForward, keys: [.character("]")], name: "newer",
                       help: "The time axis a page forward, up to now", footer: true),
        GridKeyBinding(command: .toggleTick, keys: [.character(" ")], name: "tick",
                       help: "Tick or untick the customer for invoicing", footer: true),
        GridKeyBinding(command: .generateInvoices, keys: [.character("i")], name: "invoice",
                       help: "A draft invoice per ticked customer over the cursor's bucket or the selected columns",
                       footer: true),
    ]

    static func command(for key: Key, in table: [GridKeyBinding] = defaults) -> GridCommand? {
        table.first { $0.keys.contains(key) }?.command
    }
}

import Metrics

/// A cursor over a list that scrolls: the quality table's carriers, the checklist's items.
struct ListCursor: Equatable, Sendable {
    var row = 0
    /// The first row shown.
    var offset = 0

    mutating func apply(_ command: ListCommand, count: Int, pageRows: Int) {
        let page = max(1, pageRows)
        switch command {
        case .up: row -= 1
        case .down: row += 1
        case .pageUp: row -= page
        case .pageDown: row += page
        case .top: row = 0
        case .bottom: row = count - 1
        case .toggle, .all: break
        }
        clamp(count: count, pageRows: page)
    }

    /// Keeps the cursor on a row and in view after the list or the pane changed size.
    mutating func clamp(count: Int, pageRows: Int) {
        row = max(0, min(row, count - 1))
        let page = max(1, pageRows)
        if row < offset { offset = row }
        if row >= offset + page { offset = row - page + 1 }
        offset = max(0, min(offset, max(0, count - page)))
    }

    /// A list with no cursor on screen (the checklist): the keys scroll it, a row or a screen at a time, so every
    /// press shows. `pageRows` is the rows the list has; when the items do not all fit, the last row counts the
    /// rest (`ChecklistWidget`), so a screen is one row less and the last offset puts the last item above that row.
    mutating func scroll(_ command: ListCommand, count: Int, pageRows: Int) {
        let page = max(1, pageRows - 1)
        switch command {
        case .up: offset -= 1
        case .down: offset += 1
        case .pageUp: offset -= page
        case .pageDown: offset += page
        case .top: offset = 0
        case .bottom: offset = count
        case .toggle, .all: break
        }
        clampScroll(count: count, pageRows: pageRows)
    }

    /// Keeps a scrolled list's offset where it still shows rows after the list or the pane changed size.
    mutating func clampScroll(count: Int, pageRows: Int) {
        offset = max(0, min(offset, ChecklistWidget.maximumOffset(count: count, height: max(1, pageRows))))
        row = offset
    }
}

/// Space for panes stacked in a column, given by priority: each pane in turn gets its minimum height while it
/// fits (a pane that does not fit is left out, and so is every pane after it, so the order on screen is the order
/// of importance); then the rows left over go to the panes up to their preferred heights, in order; what is still
/// left goes to the last pane that takes any height (`grows`).
struct PaneStack<ID: Hashable> {
    struct Pane {
        var id: ID
        var minimum: Int
        var preferred: Int
        /// Takes any rows left after every pane has its preferred height.
        var grows = false
    }

    var panes: [Pane]

    func layout(in rect: Rect) -> [(id: ID, rect: Rect)] {
        var heights: [Int] = []
        var used = 0
        for pane in panes {
            guard used + pane.minimum <= rect.height, pane.minimum > 0 else { break }
            heights.append(pane.minimum)
            used += pane.minimum
        }
        var spare = rect.height - used
        for index in heights.indices where spare > 0 {
            let more = min(spare, max(0, panes[index].preferred - heights[index]))
            heights[index] += more
            spare -= more
        }
        if spare > 0, let growing = heights.indices.last(where: { panes[$0].grows }) {
            heights[growing] += spare
        }
        var y = rect.y
        return heights.indices.map { index in
            defer { y += heights[index] }
            return (panes[index].id, Rect(x: rect.x, y: y, width: rect.width, height: heights[index]))
        }
    }
}

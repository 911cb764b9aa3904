/// What a key in a list (the quality table's carriers, the checklist) does.
enum ListCommand: Equatable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    /// Quality: take the carrier under the cursor in or out of the total and the graphs.
    case toggle
    /// Quality: every carrier back in.
    case all
}

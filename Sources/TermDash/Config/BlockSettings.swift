/// `[blocks]`: the grid `termdash blocks allocate` gives customers their blocks on.
struct BlockSettings: Equatable {
    var start: Int64 = 1000
    var size: Int64 = 1000
}

import Foundation

/// The store not answering: since the first read that failed (kept while later reads fail too), and which server
/// the last failure named. The monitor keeps its last frame and says so on the status line.
struct StoreOutage: Sendable, Equatable {
    var since: Date
    var server: String
}

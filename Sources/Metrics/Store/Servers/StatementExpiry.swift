import Foundation

/// Whether a statement's deadline passed: set on the event loop, read by the thread waiting on the statement.
final class StatementExpiry: @unchecked Sendable {
    private let lock = NSLock()
    private var expired = false

    func set() { lock.withLock { expired = true } }

    var isSet: Bool { lock.withLock { expired } }
}

import Foundation

/// What happened: the method that worked (nil when none did) and the status-bar message.
struct CopyOutcome: Equatable, Sendable {
    var method: CopyMethod?
    var message: String

    var succeeded: Bool { method != nil }
}

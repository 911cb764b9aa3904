import Foundation

/// How a command ended.
enum CommandResult: Equatable, Sendable {
    case success
    case failure(String)
}

import ArgumentParser
import Foundation

/// An error the user can act on: printed as "Error: <message>" with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

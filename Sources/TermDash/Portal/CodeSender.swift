import Foundation
import Metrics

/// Sends a verification code: runs the configured program directly (no shell) with its arguments, then the
/// address and the code, and stores the code's hash for the address. A program that fails or hangs is an error.
struct CodeSender {
    var command: [String]
    var timeout: TimeInterval = 10

    /// Six digits from the system's generator.
    static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(format: "%06d", Int.random(in: 0...999_999, using: &generator))
    }

    func send(_ code: String, to address: String) throws {
        guard let program = command.first else { throw CLIError("no command configured to send the code ([notify])") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: HomeDirectory.expandTilde(program))
        process.arguments = Array(command.dropFirst()) + [address, code]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch {
            throw CLIError("\(QuotedText.quoted(program)): cannot run (\(error.localizedDescription))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw CLIError("\(QuotedText.quoted(program)): no answer within \(Int(timeout)) s; the code was not sent")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw CLIError("\(QuotedText.quoted(program)) exited \(process.terminationStatus): \(Sanitizer.clean(message))")
        }
    }
}

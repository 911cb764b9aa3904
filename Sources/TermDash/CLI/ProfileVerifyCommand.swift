import ArgumentParser
import Foundation
import Metrics

struct ProfileVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the code sent by send-code; the address is then verified.")

    /// How long a sent code stays good.
    static let maximumAge: Int64 = 15 * 60

    @Option(help: ArgumentHelp("The customer: account code, name or id.", valueName: "customer"))
    var customer: String

    @Option(help: "email or mobile.")
    var channel: VerificationChannel

    @Argument(help: "The code received.")
    var code: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        let store = try options.settings().openStore(readOnly: false)
        let entry = try CustomerLookup.find(customer, in: try store.read { try $0.customers() })
        let typed = code.filter { !$0.isWhitespace }
        guard try store.verify(customerID: entry.id, channel: channel, codeHash: RecoveryCodes.sha256Hex(typed),
                               at: Int64(Date().timeIntervalSince1970), maximumAge: Self.maximumAge) else {
            throw CLIError("that code does not verify the \(channel.rawValue) (wrong, spent, older than 15 minutes, or sent to an earlier address)")
        }
        print("Verified the \(channel.rawValue)")
    }
}

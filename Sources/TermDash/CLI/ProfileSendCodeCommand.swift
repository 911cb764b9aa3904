import ArgumentParser
import Foundation
import Metrics

struct ProfileSendCodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-code",
        abstract: "Send a verification code to the profile's email address or mobile through [notify] email_command or sms_command.")

    @Option(help: ArgumentHelp("The customer: account code, name or id.", valueName: "customer"))
    var customer: String

    @Option(help: "email or mobile.")
    var channel: VerificationChannel

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: false)
        let entry = try CustomerLookup.find(customer, in: try store.read { try $0.customers() })
        let address = try store.portalUser(customerID: entry.id)[channel.field]
        guard !address.isEmpty else { throw CLIError("the profile has no \(channel.rawValue) to verify") }
        let command = channel == .email ? settings.config.notify.emailCommand : settings.config.notify.smsCommand
        let code = CodeSender.newCode()
        try CodeSender(command: command).send(code, to: address)
        try store.storeVerificationCode(customerID: entry.id, channel: channel, address: address,
                                        codeHash: RecoveryCodes.sha256Hex(code), at: Int64(Date().timeIntervalSince1970))
        print("Sent a code to \(Sanitizer.clean(address)); it is good for 15 minutes")
    }
}

import ArgumentParser
import Foundation
import Metrics

struct ProfileShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A customer's portal user: My profile, what is verified, 2FA, and every change.")

    @Option(help: ArgumentHelp("The customer: account code, name or id.", valueName: "customer"))
    var customer: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        let store = try options.settings().openStore(readOnly: true)
        let entry = try CustomerLookup.find(customer, in: try store.read { try $0.customers() })
        let user = try store.portalUser(customerID: entry.id)
        print("Customer    \(Sanitizer.clean(entry.accountCode))")
        for field in ProfileForm.fields {
            var line = field.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) + Sanitizer.clean(user[field])
            if field == .email, !user[field].isEmpty { line += user.isEmailVerified ? "  (verified)" : "  (not verified)" }
            if field == .mobile, !user[field].isEmpty { line += user.isMobileVerified ? "  (verified)" : "  (not verified)" }
            print(line)
        }
        print("2FA         \(user.totpEnabled ? "on, \(try store.unusedRecoveryCodes(customerID: entry.id)) recovery codes left" : "off")")
        let formatter = ISO8601DateFormatter()
        for change in try store.profileChanges(customerID: entry.id) {
            let when = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(change.changedAt)))
            print("changed \(when) by \(Sanitizer.clean(change.changedBy)): \(change.field.rawValue) "
                  + "\(QuotedText.quoted(change.oldValue)) -> \(QuotedText.quoted(change.newValue))")
        }
    }
}

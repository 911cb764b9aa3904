import ArgumentParser
import Foundation
import Metrics

struct ProfileTwoFactorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "2fa",
        abstract: "Enable (a new secret: QR code, secret text, 10 recovery codes) or disable a portal user's 2FA.")

    enum Change: String, ExpressibleByArgument { case enable, disable }

    @Argument(help: "enable or disable.")
    var change: Change

    @Option(help: ArgumentHelp("The customer: account code, name or id.", valueName: "customer"))
    var customer: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: false)
        let entry = try CustomerLookup.find(customer, in: try store.read { try $0.customers() })
        guard change == .enable else {
            try store.disableTOTP(customerID: entry.id)
            print("2FA is off for \(Sanitizer.clean(entry.accountCode))")
            return
        }
        let language = try store.portalUser(customerID: entry.id).language
        let totp = TOTP(secret: TOTP.newSecret())
        let codes = RecoveryCodes.generate()
        try store.enableTOTP(customerID: entry.id, secret: totp.secret, recoveryCodeHashes: codes.map(RecoveryCodes.hash),
                             at: Int64(Date().timeIntervalSince1970))
        let issuer = settings.config.company.name.isEmpty ? "TermDash" : settings.config.company.name
        print(Self.enrolment(totp: totp, issuer: issuer, account: entry.accountCode, codes: codes, language: language,
                             unicode: settings.config.graphs != "ascii"), terminator: "")
    }

    /// What enabling shows: the QR code of the otpauth:// URI in half blocks, the secret as base32 in groups of
    /// four, and the recovery codes.
    static func enrolment(totp: TOTP, issuer: String, account: String, codes: [String], language: PortalLanguage,
                          unicode: Bool) -> String {
        var text = PortalStrings.text("totp.scan", language) + "\n"
        if let matrix = QRMatrix(totp.uri(issuer: issuer, account: account)) {
            let widget = QRCodeWidget(matrix: matrix, unicode: unicode, tooSmall: PortalStrings.text("totp.too_small", language))
            let size = widget.size
            var buffer = CellBuffer(width: size.width, height: size.height)
            widget.render(buffer.bounds, into: &buffer)
            text += buffer.lines().joined(separator: "\n") + "\n"
        }
        let secret = Array(Base32.encode(totp.secret))
        text += stride(from: 0, to: secret.count, by: 4).map { String(secret[$0..<min($0 + 4, secret.count)]) }
            .joined(separator: " ") + "\n"
        text += PortalStrings.text("totp.recovery_codes", language) + "\n"
        text += codes.joined(separator: "\n") + "\n"
        return text
    }
}

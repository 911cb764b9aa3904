import ArgumentParser
import Foundation
import Metrics

struct ProfileSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change fields of a customer's My profile; each change is recorded with who and when.")

    @Option(help: ArgumentHelp("The customer: account code, name or id.", valueName: "customer"))
    var customer: String

    @Option var name: String?
    @Option var email: String?
    @Option var department: String?
    @Option(help: "E.164, e.g. +48221234567.") var phone: String?
    @Option(help: "E.164, e.g. +48601234567.") var mobile: String?
    @Option(help: "en or pl.") var language: String?

    @OptionGroup var options: CommonOptions

    var values: [ProfileField: String] {
        var values: [ProfileField: String] = [:]
        for (field, value) in [(ProfileField.name, name), (.email, email), (.department, department), (.phone, phone),
                               (.mobile, mobile), (.language, language)] {
            if let value { values[field] = value }
        }
        return values
    }

    func validate() throws {
        if values.isEmpty { throw ValidationError("nothing to set: give --name, --email, --department, --phone, --mobile or --language") }
        for (field, value) in values {
            if let reason = field.problem(with: value) { throw ValidationError("--\(field.rawValue): \(reason)") }
        }
    }

    func run() throws {
        let store = try options.settings().openStore(readOnly: false)
        let entry = try CustomerLookup.find(customer, in: try store.read { try $0.customers() })
        let who = "operator " + (ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(getuid())")
        let changes = try store.updateProfile(customerID: entry.id, values, by: who, at: Int64(Date().timeIntervalSince1970))
        print(changes.isEmpty ? "Nothing changed" : "Changed " + changes.map(\.field.rawValue).joined(separator: ", "))
    }
}

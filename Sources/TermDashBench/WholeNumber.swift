import ArgumentParser

/// A count on the bench's command line, where `_` may group the digits as in Swift: `--cdrs 10_000_000`.
struct WholeNumber: ExpressibleByArgument, ExpressibleByIntegerLiteral, Equatable {
    var value: Int

    init(integerLiteral value: Int) { self.value = value }

    init?(argument: String) {
        guard let value = Int(argument.replacingOccurrences(of: "_", with: "")) else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { String(value) }

    /// The usage error of the first option whose number is below its minimum, in the words every bench uses.
    static func require(_ checks: [(option: String, number: WholeNumber, minimum: Int)]) throws {
        for (option, number, minimum) in checks where number.value < minimum {
            throw ValidationError("\(option) takes a whole number of at least \(minimum), not '\(number.value)'")
        }
    }
}

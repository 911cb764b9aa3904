import ArgumentParser

/// `rates import --currency`: an ISO 4217 code, three capital letters such as USD or EUR.
struct CurrencyCode: ExpressibleByArgument, Equatable {
    let code: String

    init?(argument: String) {
        guard argument.count == 3, argument.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        code = argument
    }

    var defaultValueDescription: String { code }

    static let usd = CurrencyCode(argument: "USD")!
}

import ArgumentParser
import Metrics

/// `--amount X`: a positive decimal amount, exact to the micro ("12.31").
struct AmountArgument: ExpressibleByArgument, Equatable {
    let money: Money

    init?(argument: String) {
        guard let money = Money(decimal: argument), money.micros > 0 else { return nil }
        self.money = money
    }
}

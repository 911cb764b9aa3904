import ArgumentParser

/// `--rates`: the traffic rates measured one after the other.
struct TrafficRates: ExpressibleByArgument {
    var rates: [TrafficRate]

    init?(argument: String) {
        guard let rates = TrafficRate.list(argument) else { return nil }
        self.rates = rates
    }
}

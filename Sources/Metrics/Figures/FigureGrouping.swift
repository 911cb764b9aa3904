/// How figures are broken down: the groups a store hands counters over by.
public enum FigureGrouping: Sendable, Hashable {
    /// One total, under key 0: the network.
    case total
    /// By customer id (0: unknown customer).
    case customer
    /// By carrier id (0: unknown carrier).
    case carrier
    /// By DID id (0: no DID). No rollup keeps DIDs: these figures are counted from the calls of the interval.
    case did
    /// One customer's calls (0: those of no known customer) by carrier id (0: unknown carrier): the crossed
    /// customer × carrier rollup, kept by the hour only.
    case customerCarrier(customer: Int64)

    /// The rollup levels that keep this breakdown, finest first: minutes are kept per carrier only (and so for the
    /// network, the sum over carriers), the crossed breakdown by the hour only, DIDs not at all.
    public var levels: [TimeBucket] {
        switch self {
        case .total, .carrier: return [.minute, .hour, .day, .month]
        case .customer: return [.hour, .day, .month]
        case .customerCarrier: return [.hour]
        case .did: return []
        }
    }

    /// The group of a call in progress under this breakdown; nil when the breakdown leaves it out.
    func group(of call: LiveCall) -> Int64? {
        switch self {
        case .total: return 0
        case .customer: return call.customer
        case .carrier: return call.carrier
        case .did: return call.did
        case .customerCarrier(let customer): return call.customer == customer ? call.carrier : nil
        }
    }
}

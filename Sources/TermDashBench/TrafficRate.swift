import ArgumentParser

/// One traffic rate of `--rates`: N CDRs over D days, written `N/D` (`10_000_000/1`). The same CDRs over fewer
/// days are more calls per second, which is what the snapshot's cost must not grow with.
struct TrafficRate: Equatable {
    var cdrs: Int
    var days: Int

    /// "N/D,N/D,…"; nil when a part is not two whole numbers.
    static func list(_ text: String) -> [TrafficRate]? {
        let rates = text.split(separator: ",", omittingEmptySubsequences: false).map { part -> TrafficRate? in
            let numbers = part.split(separator: "/", omittingEmptySubsequences: false)
                .map { Int($0.replacingOccurrences(of: "_", with: "")) }
            guard numbers.count == 2, let cdrs = numbers[0], let days = numbers[1] else { return nil }
            return TrafficRate(cdrs: cdrs, days: days)
        }
        guard !rates.isEmpty, !rates.contains(nil) else { return nil }
        return rates.compactMap { $0 }
    }

    /// Where this rate's store goes beside `store`: `store-N-Dd.db` for `store.db`.
    func storePath(beside store: String) -> String {
        let base = store.hasSuffix(".db") ? String(store.dropLast(3)) : store
        return "\(base)-\(cdrs)-\(days)d.db"
    }
}

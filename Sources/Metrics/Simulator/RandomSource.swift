import Foundation

/// A small seeded generator (SplitMix64) so a simulated network and its traffic are reproducible from a seed.
public struct RandomSource: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// A Poisson count with mean `lambda` (Knuth's method; lambda stays small: calls per second).
    mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda > 30 { return max(0, Int((lambda + normal() * lambda.squareRoot()).rounded())) }
        let limit = exp(-lambda)
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u1 = max(unit(), .leastNonzeroMagnitude)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    mutating func logNormal(mu: Double, sigma: Double) -> Double { exp(mu + sigma * normal()) }
}

/// Picks indices with fixed weights in O(log n).
struct WeightedPicker {
    private let cumulative: [Double]

    init(weights: [Double]) {
        var running = 0.0
        cumulative = weights.map { running += max(0, $0); return running }
    }

    func pick(using random: inout RandomSource) -> Int {
        guard let total = cumulative.last, total > 0 else { return 0 }
        let target = random.unit() * total
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

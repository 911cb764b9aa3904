/// A rate card indexed for longest-prefix match on the dialled number: a trie of the prefixes' digits, so a lookup
/// walks the number once and allocates nothing (it runs twice per call on every import).
public struct RateTable: Sendable {
    /// Longer prefixes are refused by rate card files and ignored here; no real rate card comes near it.
    public static let maximumPrefixLength = 18

    /// One reference to copy rather than three arrays: a table is looked up twice per imported call.
    private final class Trie: Sendable {
        let rates: [Rate]
        /// Node `n`'s child for digit `d` is `children[n * 10 + d]` (0: none; node 0 is the root).
        let children: [Int32]
        /// The index in `rates` of the rate whose prefix ends at node `n`, or -1.
        let rateAt: [Int32]

        init(rates: [Rate], children: [Int32], rateAt: [Int32]) {
            self.rates = rates
            self.children = children
            self.rateAt = rateAt
        }
    }

    private let trie: Trie

    public init(_ rates: [Rate]) {
        var kept: [Rate] = []
        var children: [Int32] = Array(repeating: 0, count: 10)
        var rateAt: [Int32] = [-1]
        for rate in rates {
            let prefix = rate.prefix.utf8
            guard !prefix.isEmpty, prefix.count <= Self.maximumPrefixLength,
                prefix.allSatisfy({ $0 >= 48 && $0 <= 57 })
            else { continue }
            var node = 0
            for byte in prefix {
                let edge = node * 10 + Int(byte - 48)
                if children[edge] == 0 {
                    children[edge] = Int32(rateAt.count)
                    rateAt.append(-1)
                    children.append(contentsOf: repeatElement(0, count: 10))
                }
                node = Int(children[edge])
            }
            // A prefix listed twice: the later line wins.
            rateAt[node] = Int32(kept.count)
            kept.append(rate)
        }
        trie = Trie(rates: kept, children: children, rateAt: rateAt)
    }

    /// The rate whose prefix is the longest one that starts the normalised number, or nil (unrated). Dialled
    /// numbers arrive as "+41…", "0041…" or "41…": only digits count, and an international "00" or "+" is dropped.
    public func match(_ dialled: String) -> Rate? {
        DialledNumber.withDigits(of: dialled) { match(digits: $0) }
    }

    /// The longest-prefix match on a normalised number (digit values 0–9).
    func match(digits: UnsafeBufferPointer<UInt8>) -> Rate? {
        let trie = trie
        return trie.children.withUnsafeBufferPointer { children in
            trie.rateAt.withUnsafeBufferPointer { rateAt in
                var node = 0
                var best: Int32 = -1
                for digit in digits {
                    node = Int(children[node * 10 + Int(digit)])
                    if node == 0 { break }
                    if rateAt[node] >= 0 { best = rateAt[node] }
                }
                return best >= 0 ? trie.rates[Int(best)] : nil
            }
        }
    }
}

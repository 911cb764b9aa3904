/// What makes a CDR unique in the store (schema v6): a 128-bit hash of the writer's key text, split into `key`
/// (`cdrs.row_key`) and `check` (`cdrs.row_check`).
///
/// The store keeps `(start_at, row_key)` unique, so the index that deduplicates is also the index by start time and
/// grows at its end as calls arrive in time order (a random key would scatter every insert over the whole index).
/// Two different CDRs that start in the same second and share the 64-bit `key` are told apart by `check`: the
/// writer sees the conflict, reads the stored `row_check`, and when it differs stores the new CDR under the next
/// free key of the probe sequence `key, key + 1, key + 2, …` (wrapping). Writing the same CDR again walks the same
/// sequence and stops at the row whose check matches, so nothing is ever dropped silently and nothing is counted
/// twice. A real 64-bit collision in one second is rare (about k²/2⁶⁵ for k CDRs in that second); a false
/// "duplicate" needs the full 128 bits to collide.
public struct RowKey: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public var key: Int64
    public var check: Int64

    public init(key: Int64, check: Int64) {
        self.key = key
        self.check = check
    }

    /// The key of a writer's key text (the simulator's call id, an import row's `f:<hash>`…): its `ContentHash`.
    public init(_ text: String) {
        self.init(ContentHash(of: text))
    }

    public init(_ hash: ContentHash) {
        key = Int64(bitPattern: hash.high)
        check = Int64(bitPattern: hash.low)
    }

    public init(stringLiteral value: String) { self.init(value) }

    public init(stringInterpolation: DefaultStringInterpolation) { self.init(String(stringInterpolation: stringInterpolation)) }

    /// The key of the `occurrence`-th copy (0 for the first) of an imported record whose bytes hash to `content`:
    /// the key of the text `f:<32 hex digits>`, with `#<occurrence>` appended from the second copy on — the text
    /// row keys of schema v1–v5, so a store migrated from them recognises rows it imported before. Allocates nothing.
    public init(record content: ContentHash, occurrence: Int) {
        self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 56) { buffer in
            let digits: StaticString = "0123456789abcdef"
            buffer[0] = UInt8(ascii: "f")
            buffer[1] = UInt8(ascii: ":")
            for index in 0..<32 {
                let word = index < 16 ? content.high : content.low
                buffer[2 + index] = digits.utf8Start[Int(word >> UInt64(60 - (index % 16) * 4) & 0xF)]
            }
            var count = 34
            if occurrence > 0 {
                buffer[count] = UInt8(ascii: "#")
                count += 1
                var value = occurrence
                let first = count
                repeat {
                    buffer[count] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                    count += 1
                } while value > 0
                var (low, high) = (first, count - 1)
                while low < high {
                    buffer.swapAt(low, high)
                    low += 1
                    high -= 1
                }
            }
            return RowKey(ContentHash(buffer: UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<count])))
        }
    }

    /// The `attempt`-th key of the probe sequence (0: the key itself).
    func probe(_ attempt: Int) -> Int64 { key &+ Int64(attempt) }

    public var description: String { "\(key)/\(check)" }
}

/// The busiest second of a bucket: the most attempts, the earliest second on a tie.
struct BusiestSecond: Equatable, Sendable {
    var attempts: Int64
    var second: Int64

    static let none = BusiestSecond(attempts: 0, second: .max)

    mutating func merge(_ other: BusiestSecond) {
        if other.attempts > attempts || (other.attempts == attempts && other.second < second) { self = other }
    }
}

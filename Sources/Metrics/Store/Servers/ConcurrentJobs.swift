import Foundation

/// Blocking jobs (ClickHouse requests, each waiting for its answer) run all at once, each on a thread of its own
/// (not Dispatch's pool, which on Linux runs about one per core and would queue requests that only wait), waited for
/// together: the first error is thrown once every job has ended.
enum ConcurrentJobs {
    static func run(_ jobs: [@Sendable () throws -> Void]) throws {
        guard jobs.count > 1 else {
            try jobs.first?()
            return
        }
        let outcome = Outcome()
        let group = DispatchGroup()
        for job in jobs {
            group.enter()
            let thread = Thread {
                do { try job() } catch { outcome.failed(error) }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        if let error = outcome.error { throw error }
    }

    /// The first error a job threw.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var first: (any Error)?

        var error: (any Error)? { lock.withLock { first } }

        func failed(_ error: any Error) {
            lock.withLock { if first == nil { first = error } }
        }
    }
}

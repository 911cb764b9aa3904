import Foundation
import Metrics

/// The ledger protocols not yet on PostgreSQL: each says so (docs/scale-out.md) instead of answering empty.
extension ServerStore {
    public func rebuildAggregates(_ retention: Retention, at now: Int64) throws -> Int {
        throw ServerStoreError.notYetSupported("rebuild")
    }
}

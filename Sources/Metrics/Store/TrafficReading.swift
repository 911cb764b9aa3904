/// Counters of finished calls, from the rollups: by level (minute, hour, day, month), grouping (network, carrier,
/// customer, customer × carrier) and a half-open time range of bucket starts; per-second attempts, occupancy and
/// registration samples.
public protocol TrafficReading {
}

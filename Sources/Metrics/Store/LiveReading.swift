/// Calls in progress and concurrency: the live table as it is now, and the (start, end) of finished calls that
/// overlap a window, for channel occupancy.
public protocol LiveReading {
}

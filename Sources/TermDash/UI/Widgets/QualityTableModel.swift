import Metrics

/// What the quality table shows: the snapshot's rows and the view's state (toggles, cursor, alarm threshold).
struct QualityTableModel: Equatable, Sendable {
    var quality: QualitySnapshot
    /// Carriers toggled out: drawn dim with an "out" mark, left out of the total line.
    var excluded: Set<Int64> = []
    /// The row the toggle key acts on (an index into `quality.carriers`); nil when the table has no cursor.
    var cursor: Int? = nil
    /// An ASR in percent under which a row says LOW; nil for no alarm.
    var lowASR: Double? = nil
    /// Rows with fewer attempts are not judged, so one failed call does not raise LOW.
    var minimumAttempts: Int64 = 1
}

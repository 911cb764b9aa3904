/// ASR, ACD and DTMF of one carrier over a window.
public struct CarrierQuality: Sendable, Equatable {
    /// The carrier's id; 0 for calls of no known carrier.
    public var id: Int64
    /// As stored; views sanitise it.
    public var name: String
    /// False for a carrier whose status is `disabled`.
    public var active: Bool
    public var counts: QualityCounts

    public init(id: Int64, name: String, active: Bool, counts: QualityCounts) {
        self.id = id
        self.name = name
        self.active = active
        self.counts = counts
    }

    public var attempts: Int64 { counts.attempts }
    /// nil (N/A) with no attempts.
    public var asr: Double? { counts.asr }
    /// Seconds; nil (N/A) with nothing answered.
    public var acd: Double? { counts.acd }
    /// Percent of answered calls with a digit, among those whose DTMF is known; nil when none is known.
    public var dtmfShare: Double? { counts.dtmfShare }
    /// Digits sent in answered calls whose DTMF is known.
    public var dtmfDigits: Int64 { counts.dtmfDigits }
}

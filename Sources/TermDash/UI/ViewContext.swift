import Metrics

/// What the dashboard needs besides the snapshot; all of it prepared by the caller, so rendering is pure.
struct ViewContext: Sendable {
    /// The build's version, as `termdash version` prints it (without the word "Version").
    var version: String
    /// The configured time zone's identifier.
    var zone: String
    /// The current time, already formatted in that zone.
    var clock: String
    var glyphs: GlyphSet
    /// A transient status message, if any.
    var message: String?
    /// The message is an alert (the store not answering): it keeps its room before Zone and Version do.
    var alert: Bool

    init(version: String, zone: String, clock: String, glyphs: GlyphSet, message: String? = nil, alert: Bool = false) {
        self.version = version
        self.zone = zone
        self.clock = clock
        self.glyphs = glyphs
        self.message = message
        self.alert = alert
    }
}

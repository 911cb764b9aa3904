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

    init(version: String, zone: String, clock: String, glyphs: GlyphSet, message: String? = nil) {
        self.version = version
        self.zone = zone
        self.clock = clock
        self.glyphs = glyphs
        self.message = message
    }
}

import ArgumentParser
import Metrics

/// `import --format` and the config's `[sources.NAME] format`: a CDR format, or auto to detect it from the file.
enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
    case auto, asterisk, asteriskCustom = "asterisk-custom", freeswitch, native

    /// The format to read with; nil for auto (the importer detects it).
    var cdrFormat: CDRFormat? { CDRFormat(rawValue: rawValue) }
}

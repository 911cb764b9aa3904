import ArgumentParser

/// `--graphs` and the config's `[display] graphs`: the glyphs the graphs are drawn with, or auto to let the
/// terminal's character set decide.
enum GraphsMode: String, ExpressibleByArgument, CaseIterable {
    case auto, braille, block, ascii
}

/// How graphs are drawn.
enum GraphStyle: String, Sendable, CaseIterable {
    /// Two samples per cell, four levels each (U+2800 patterns): the finest, needs a font with braille.
    case braille
    /// One sample per cell, eight levels (▁ to █).
    case block
    /// One sample per cell with ASCII characters, for vt100, the Linux console and non-UTF-8 locales.
    case ascii
}

/// The `?` screen: a box over the middle of the frame listing every key binding, generated from the key table so
/// the help can never drift from what the keys do.
enum HelpOverlay {
    static func render(_ bindings: [KeyBinding], glyphs: GlyphSet, into buffer: inout CellBuffer) {
        let lines = bindings.map { binding in
            let keys = binding.keys.map(KeyBinding.label).joined(separator: " ")
            return (keys, binding.help)
        }
        let keyWidth = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let textWidth = lines.map { DisplayWidth.of($0.1) }.max() ?? 0
        let width = min(buffer.width, keyWidth + textWidth + 7)
        let height = min(buffer.height, lines.count + 4)
        guard width >= 10, height >= 3 else { return }
        let box = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
        buffer.fill(box)
        let inner = Panel.render(title: "Keys", in: box, glyphs: glyphs, into: &buffer)
        for (row, line) in lines.enumerated() where row + 1 < inner.height {
            let y = inner.y + row + 1
            buffer.put(line.0, x: inner.x + 1, y: y, style: Style(.statusKey, bold: true), maxWidth: keyWidth)
            buffer.put(line.1, x: inner.x + 2 + keyWidth, y: y, style: Style(.normal),
                       maxWidth: max(0, inner.width - keyWidth - 3))
        }
    }
}

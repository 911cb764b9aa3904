/// Fitting text into a number of columns.
enum TextFit {
    /// `text` cut to at most `width` columns, ending in `ellipsis` when something was cut.
    static func truncate(_ text: String, toWidth width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        // Too narrow for a character and the ellipsis: the bare start says more than a lone "…".
        guard ellipsisWidth < width else { return prefix(text, width: width) }
        return prefix(text, width: width - ellipsisWidth) + ellipsis
    }

    /// The longest leading part of `text` within `width` columns.
    static func prefix(_ text: String, width: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            used += w
            result.append(character)
        }
        return result
    }

    /// `text` padded with spaces on the left to `width` columns (right-aligned); cut when longer.
    static func rightAligned(_ text: String, width: Int) -> String {
        let w = DisplayWidth.of(text)
        if w >= width { return prefix(text, width: width) }
        return String(repeating: " ", count: width - w) + text
    }

    /// Greedy word wrap to `width` columns; words longer than a line are split.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            while DisplayWidth.of(word) > width {
                let head = prefix(word, width: width)
                guard !head.isEmpty else { return lines }  // a character wider than the line
                lines.append(head)
                word.removeFirst(head.count)
            }
            line = word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

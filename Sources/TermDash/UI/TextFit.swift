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

    /// `text` with the leading directories of its paths (words starting with "/" or "~/") replaced by
    /// `ellipsis`, one at a time and only as far as needed to fit `width`: "Exported 6 cells to
    /// …/exports/summary-live-asr-20261121T133005Z.csv". The file names stay; the result may still be too wide.
    static func shortenPaths(_ text: String, toWidth width: Int, ellipsis: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // Per path word: its components and how many leading ones are hidden.
        var paths: [(word: Int, parts: [String], hidden: Int)] = words.indices.compactMap { index in
            let word = words[index]
            guard word.hasPrefix("/") || word.hasPrefix("~/") else { return nil }
            var parts = word.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            // The root and "~" go with the first directory: "…/" for them alone would save nothing.
            if parts.count > 2 { parts.replaceSubrange(0...1, with: [parts[0] + "/" + parts[1]]) }
            return parts.count > 1 ? (index, parts, 0) : nil
        }
        func render(_ path: (word: Int, parts: [String], hidden: Int)) -> String {
            path.hidden == 0 ? path.parts.joined(separator: "/")
                : ([ellipsis] + path.parts.dropFirst(path.hidden)).joined(separator: "/")
        }
        while DisplayWidth.of(words.joined(separator: " ")) > width {
            // Hide one more directory of the path that shows the most; stop when each shows only its name.
            guard let longest = paths.indices.filter({ paths[$0].parts.count - paths[$0].hidden > 1 })
                .max(by: { paths[$0].parts.count - paths[$0].hidden < paths[$1].parts.count - paths[$1].hidden })
            else { break }
            paths[longest].hidden += 1
            words[paths[longest].word] = render(paths[longest])
        }
        return words.joined(separator: " ")
    }

    /// Whether `text` names a path ("/…" or "~/…").
    static func containsPath(_ text: String) -> Bool {
        text.split(separator: " ").contains { ($0.hasPrefix("/") || $0.hasPrefix("~/")) && $0.count > 1 }
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

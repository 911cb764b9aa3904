import ArgumentParser

/// `--theme`: the themes by the names `--help` lists. Looked up as `Theme.named` does (case and punctuation
/// ignored), so `--theme High-Contrast` works as it does in the config, whose `theme` is checked against these.
enum ThemeName: String, ExpressibleByArgument, CaseIterable {
    case `default`
    case highContrast = "high-contrast"
    case monochrome

    init?(argument: String) {
        guard let theme = Theme.named(argument), let name = ThemeName(rawValue: theme.name) else { return nil }
        self = name
    }
}

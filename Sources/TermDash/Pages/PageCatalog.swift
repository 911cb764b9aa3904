import Metrics

/// Where a session's custom pages come from, read again on each refresh: `[[pages]]` in the config file, parsed
/// again only when the file's inode, size or time changed (a stat, no read, otherwise), and the pages stored with
/// `termdash page push`, read through `PageLedger` (a small table) and parsed only when they changed. A config that
/// no longer parses keeps its last good pages and reports why; a customer's session keeps only pages marked
/// `customers = true`.
final class PageCatalog: @unchecked Sendable {
    private let configPath: String?
    private let ledger: (any PageLedger)?
    private let customersOnly: Bool
    private var signature: FileSignature?
    private var configPages: [CustomPage]
    private var configProblem: String?
    private var stored: [StoredPage] = []
    private var storedPages: [CustomPage] = []
    private var storedProblems: [String] = []

    /// `initialPages`: the config's pages as the session started with them (`configPath` read then).
    init(configPath: String?, initialPages: [CustomPage], ledger: (any PageLedger)?, customersOnly: Bool) {
        self.configPath = configPath
        self.ledger = ledger
        self.customersOnly = customersOnly
        configPages = initialPages
        signature = configPath.flatMap(FileSignature.init(path:))
    }

    /// The pages now, after checking the config file and the store for changes.
    func read() -> PageSet {
        checkConfig()
        checkStore()
        var set = PageSet()
        // A customer is told that something is wrong, never what: the reasons quote the operator's pages.
        if configProblem != nil { set.problems.append(customersOnly ? "pages not reloaded" : configProblem ?? "") }
        if !customersOnly { set.problems += storedProblems }
        var titles = Set<String>()
        for page in configPages + storedPages {
            guard titles.insert(page.title).inserted else {
                if !customersOnly {
                    set.problems.append("page \(QuotedText.quoted(page.title)) is both in the config and stored; the config's is shown")
                }
                continue
            }
            if customersOnly && !page.customers { continue }
            set.pages.append(page)
        }
        return set
    }

    private func checkConfig() {
        guard let configPath else { return }
        let now = FileSignature(path: configPath)
        // Gone for a moment (an editor saving by rename): keep what was read until it is back.
        guard let now, now != signature else { return }
        signature = now
        do {
            configPages = try Config.load(path: configPath).pages
            configProblem = nil
        } catch {
            configProblem = "config not reloaded: \(error)"
        }
    }

    private func checkStore() {
        guard let ledger else { return }
        let pages: [StoredPage]
        do { pages = try ledger.storedPages() } catch {
            storedProblems = ["stored pages not read: \(error)"]
            return
        }
        guard pages != stored else { return }
        stored = pages
        storedPages = []
        storedProblems = []
        for page in pages {
            do {
                storedPages += try CustomPageParser.parse(page.definition, path: "page \(page.title)")
            } catch {
                storedProblems.append("stored \(error)")
            }
        }
    }
}

import Foundation
import Metrics
import XCTest

@testable import TermDash

/// The monitor's config sections: `[display] zones` and `money_decimals`, `[copy]`, `[export]`, `[checklist]`,
/// `[keys]` and `[sources.NAME]`. Each setting read as written; each mistake an error naming the file, the line and
/// the setting.
final class ConfigSectionsTests: XCTestCase {
    private func parse(_ text: String) throws -> Config { try Config.parse(text, path: "conf/termdash.toml") }

    /// The error `text` gives, as the user reads it.
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try parse(text)
            XCTFail("accepted:\n\(text)", file: file, line: line)
            return ""
        } catch let error as ConfigError {
            return "\(error)"
        } catch {
            XCTFail("not a ConfigError: \(error)", file: file, line: line)
            return ""
        }
    }

    // MARK: Read as written

    func testDisplayZonesAndMoneyDecimals() throws {
        let config = try parse("""
            [display]
            zone = "Europe/Zurich"
            zones = ["America/New_York", "Asia/Tokyo"]
            money_decimals = 4
            """)
        XCTAssertEqual(config.zone, "Europe/Zurich")
        XCTAssertEqual(config.zones, ["America/New_York", "Asia/Tokyo"])
        XCTAssertEqual(config.moneyDecimals, 4)
        XCTAssertEqual(try parse("[display]\nzones = []\nmoney_decimals = 0\n").zones, [])
        XCTAssertEqual(try parse("[display]\nmoney_decimals = 6\n").moneyDecimals, 6)
    }

    func testCopy() throws {
        let config = try parse("""
            [copy]
            osc52 = "off"
            command = "xclip -selection clipboard"
            file = "/tmp/termdash-clip.txt"
            timeout_seconds = 5
            """)
        XCTAssertEqual(config.copy, CopySettings(osc52: .off, command: "xclip -selection clipboard",
                                                 file: "/tmp/termdash-clip.txt", commandTimeout: 5))
        XCTAssertEqual(try parse("[copy]\nosc52 = \"on\"\n").copy.osc52, .on)
        XCTAssertEqual(try parse("[copy]\nosc52 = \"auto\"\n").copy.osc52, .auto)
        XCTAssertNil(try parse("[copy]\ncommand = \"\"\n").copy.command, "an empty command is no command")
        XCTAssertEqual(try parse("[copy]\ntimeout_seconds = 0.5\n").copy.commandTimeout, 0.5)
        let home = try parse("[copy]\nfile = \"~/clip.txt\"\n").copy.file
        XCTAssertEqual(home, (HomeDirectory.current() as NSString).appendingPathComponent("clip.txt"), "~ is the home directory")
    }

    func testExportDirectory() throws {
        XCTAssertEqual(try parse("[export]\ndirectory = \"/srv/exports\"\n").exportDirectory, "/srv/exports")
        XCTAssertEqual(try parse("[export]\ndirectory = \"~/exports\"\n").exportDirectory,
                       (HomeDirectory.current() as NSString).appendingPathComponent("exports"))
        XCTAssertNil(try parse("").exportDirectory)
    }

    func testChecklistThresholds() throws {
        let config = try parse("[checklist]\nminimum_asr = 35.5\nminimum_attempts = 50\n")
        XCTAssertEqual(config.checklist.minimumASR, 35.5)
        XCTAssertEqual(config.checklist.minimumAttempts, 50)
        XCTAssertEqual(try parse("[checklist]\nminimum_asr = 0\n").checklist.minimumASR, 0)
        XCTAssertEqual(try parse("[checklist]\nminimum_asr = 100\n").checklist.minimumASR, 100)
    }

    func testKeysPlainDottedAndQuoted() throws {
        let config = try parse("""
            [keys]
            support = ["S", "F5"]
            summary.copy = ["Ctrl-Y"]
            "summary.export" = ["E"]
            quit = "Q"

            [keys.quality]
            toggle = ["x"]
            """)
        XCTAssertEqual(config.keys, [
            "support": ["S", "F5"], "summary.copy": ["Ctrl-Y"], "summary.export": ["E"], "quit": ["Q"],
            "quality.toggle": ["x"],
        ])
        let table = try KeyBinding.remapped(config.keys)
        XCTAssertEqual(KeyBinding.action(for: .character("E"), in: .summary, table: table), .grid(.export))
        XCTAssertEqual(KeyBinding.action(for: .character("x"), in: .quality, table: table), .list(.toggle))
        XCTAssertNil(KeyBinding.action(for: .character("q"), in: .overview, table: table), "quit is Q alone now")
    }

    func testSources() throws {
        let config = try parse("""
            [sources.pbx-zurich]
            format = "asterisk"
            zone = "Europe/Zurich"
            customer = "userfield"
            carrier = "channel"
            default_carrier = "upstream"
            did = "dst"

            [sources.custom]
            format = "asterisk-custom"
            columns = ["clid", "src", "dst", "start", "answer", "end", "billsec", "accountcode"]
            carrier = ""

            [sources.auto]
            format = "auto"
            """)
        XCTAssertEqual(config.sources["pbx-zurich"], ImportSource(
            name: "pbx-zurich", format: .asterisk, zone: TimeZone(identifier: "Europe/Zurich")!, customerField: "userfield",
            carrierField: "channel", defaultCarrier: "upstream", didField: "dst"))
        XCTAssertEqual(config.sources["custom"], ImportSource(
            name: "custom", format: .asteriskCustom,
            customColumns: ["clid", "src", "dst", "start", "answer", "end", "billsec", "accountcode"], carrierField: nil))
        XCTAssertEqual(config.sources["auto"], ImportSource(name: "auto"), "auto: detected from each file")
        XCTAssertEqual(config.sources.count, 3)
    }

    // MARK: config.example.toml

    func testTheExampleParsesWithEveryDefault() throws {
        let path = EndToEnd.packageRoot.appendingPathComponent("config.example.toml").path
        let config = try Config.load(path: path)
        XCTAssertEqual(config, Config())
        XCTAssertEqual(config.zones, [])
        XCTAssertEqual(config.moneyDecimals, 2)
        XCTAssertEqual(config.copy, CopySettings())
        XCTAssertEqual(config.copy.osc52, .auto)
        XCTAssertEqual(config.copy.commandTimeout, 2)
        XCTAssertNil(config.exportDirectory)
        XCTAssertEqual(config.checklist, ChecklistThresholds())
        XCTAssertEqual(config.keys, [:])
        XCTAssertEqual(config.sources, [:])
    }

    /// config.example.toml with its commented-out settings (`# key = …`, `# [section]` and the lines of a list
    /// they open) taken out of their comments; prose stays.
    private func uncommentedExample() throws -> (text: String, settings: Int) {
        let path = EndToEnd.packageRoot.appendingPathComponent("config.example.toml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var openBrackets = 0
        var lines: [String] = []
        var settings = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("# ") else {
                lines.append(line)
                continue
            }
            let rest = String(line.dropFirst(2))
            let isSetting = rest.range(of: #"^(\[\[?[a-z.-]+\]\]?|[a-z_.]+ = )"#, options: .regularExpression) != nil
            guard isSetting || openBrackets > 0 else {
                lines.append(line)
                continue
            }
            if isSetting { settings += 1 }
            openBrackets += rest.filter { $0 == "[" }.count - rest.filter { $0 == "]" }.count
            lines.append(rest)
        }
        return (lines.joined(separator: "\n"), settings)
    }

    func testEveryExampleSettingUncommentedStillParses() throws {
        // The example's commented-out settings are documentation: with the # taken off they must be valid too.
        let (text, settings) = try uncommentedExample()
        XCTAssertGreaterThanOrEqual(settings, 12, "store path, copy command and file, export directory, keys, a source")
        let config = try Config.parse(text, path: "config.example.toml")
        XCTAssertEqual(config.keys["summary.copy"], ["y", "Ctrl-Y"])
        XCTAssertEqual(config.sources["pbx-zurich"]?.format, .asterisk)
        XCTAssertEqual(config.feeds["kamailio-edge"]?.rpc, .http(host: "127.0.0.1", port: 5080, path: "/RPC"))
        XCTAssertEqual(config.feeds["kamailio-edge"]?.columns.code, "sip_code")
        XCTAssertNotNil(config.copy.command)
        XCTAssertNotNil(config.exportDirectory)
        XCTAssertEqual(config.exporter.listen, "127.0.0.1:9464")
        XCTAssertEqual(config.pages.first?.panes.first?.kind, .bar)
    }

    /// Unknown keys are errors that say "see config.example.toml": so it must name every setting there is.
    func testTheExampleDocumentsEverySetting() throws {
        let settings: [String: [String]] = [
            "display": ["zone", "theme", "graphs", "refresh_seconds", "mouse", "zones", "money_decimals"],
            "store": ["path"],
            "monitor": ["table_rows"],
            "retention": ["minute_days", "hour_days"],
            "copy": ["osc52", "command", "file", "timeout_seconds"],
            "export": ["directory"],
            "checklist": ["minimum_asr", "minimum_attempts"],
            "simulator": ["peak_cps", "customers", "carriers", "dids", "history_days", "seed"],
            "exporter": ["listen", "allow_remote", "max_accounts"],
            "sources.pbx-zurich": ConfigReader.sourceKeys,
            "sources.kamailio-edge": ConfigReader.kamailioKeys,
        ]
        let (text, _) = try uncommentedExample()
        var found: [String: Set<String>] = [:]
        var section = ""
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("[") {
                section = String(line.dropFirst().prefix { $0 != "]" })
                found[section, default: []].formUnion([])
            } else if !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") {
                found[section, default: []].insert(line[..<equals].trimmingCharacters(in: .whitespaces))
            }
        }
        for (section, keys) in settings {
            for key in keys {
                XCTAssertTrue(found[section]?.contains(key) ?? false, "[\(section)] \(key) is not in config.example.toml")
            }
        }
        XCTAssertNotNil(found["keys"], "[keys] is explained")
    }

    // MARK: Kamailio sources

    func testAKamailioSourceIsAFeed() throws {
        let config = try Config.parse("""
            [sources.edge]
            kind = "kamailio"
            rpc = "unix:/run/kamailio/rpc.sock"
            acc_db = "/var/lib/kamailio/acc.db"
            customer_profile = "cust"
            refresh = 2
            registrations = false
            columns = { dtmf = "digits" }
            """, path: "conf/termdash.toml")
        var expected = KamailioFeedSettings(name: "edge", rpc: .datagram(path: "/run/kamailio/rpc.sock"),
                                            accPath: "/var/lib/kamailio/acc.db")
        expected.customerProfile = "cust"
        expected.refresh = 2
        expected.registrations = false
        expected.columns.dtmf = "digits"
        XCTAssertEqual(config.feeds, ["edge": expected])
        XCTAssertEqual(config.sources, [:], "a feed is not a CDR file source")
    }

    func testKamailioSourceMistakes() {
        let head = "[sources.edge]\nkind = \"kamailio\"\n"
        XCTAssertEqual(error(head), "conf/termdash.toml:2: sources.edge.kind: a kamailio source needs acc_db, "
            + "the path of Kamailio's accounting database")
        XCTAssertEqual(error(head + "acc_db = \"a.db\"\nrpc = \"ftp://x\"\n"),
                       "conf/termdash.toml:4: sources.edge.rpc: \"ftp://x\" is not http://HOST:PORT/PATH or unix:/PATH")
        XCTAssertEqual(error(head + "acc_db = \"a.db\"\nformat = \"asterisk\"\n"),
                       "conf/termdash.toml:4: sources.edge.format: unknown setting \"sources.edge.format\" for kind "
                       + "\"kamailio\" (known: kind, rpc, acc_db, columns, customer_profile, carrier_profile, refresh, registrations)")
        XCTAssertEqual(error(head + "acc_db = \"a.db\"\nrefresh = 0\n"),
                       "conf/termdash.toml:4: sources.edge.refresh: must be a number of seconds from 0.1 to 3600")
        XCTAssertEqual(error(head + "acc_db = \"a.db\"\ncolumns = { dtmf = \"a b\" }\n"),
                       "conf/termdash.toml:4: sources.edge.columns: \"a b\": a column name has letters, digits and underscores only")
        XCTAssertEqual(error("[sources.edge]\nkind = \"asterisk\"\n"),
                       "conf/termdash.toml:2: sources.edge.kind: must be \"files\" (CDR files, the default) or \"kamailio\"")
    }

    // MARK: Mistakes name the file, the line and the setting

    func testWrongTypes() {
        XCTAssertEqual(error("[display]\nzones = \"Europe/Zurich\"\n"),
                       "conf/termdash.toml:2: display.zones: must be a list of strings")
        XCTAssertEqual(error("[display]\nzones = [\"UTC\", 3]\n"),
                       "conf/termdash.toml:2: display.zones: must be a list of strings")
        XCTAssertEqual(error("[display]\nmoney_decimals = \"2\"\n"),
                       "conf/termdash.toml:2: display.money_decimals: must be a whole number")
        XCTAssertEqual(error("[copy]\nosc52 = true\n"), "conf/termdash.toml:2: copy.osc52: must be a string")
        XCTAssertEqual(error("[copy]\n\ncommand = 1\n"), "conf/termdash.toml:3: copy.command: must be a string")
        XCTAssertEqual(error("[copy]\nfile = [\"a\"]\n"), "conf/termdash.toml:2: copy.file: must be a string")
        XCTAssertEqual(error("[copy]\ntimeout_seconds = \"2\"\n"),
                       "conf/termdash.toml:2: copy.timeout_seconds: must be a number")
        XCTAssertEqual(error("[export]\ndirectory = false\n"), "conf/termdash.toml:2: export.directory: must be a string")
        XCTAssertEqual(error("[checklist]\nminimum_asr = \"20%\"\n"),
                       "conf/termdash.toml:2: checklist.minimum_asr: must be a number")
        XCTAssertEqual(error("[checklist]\nminimum_attempts = 2.5\n"),
                       "conf/termdash.toml:2: checklist.minimum_attempts: must be a whole number")
        XCTAssertEqual(error("[keys]\nsupport = 5\n"),
                       "conf/termdash.toml:2: keys.support: must be a key name or a list of them, e.g. [\"y\", \"F5\"]")
        XCTAssertEqual(error("[keys]\nsupport = [\"S\", 5]\n"),
                       "conf/termdash.toml:2: keys.support: must be a key name or a list of them, e.g. [\"y\", \"F5\"]")
        XCTAssertEqual(error("[sources.pbx1]\nzone = 1\n"), "conf/termdash.toml:2: sources.pbx1.zone: must be a string")
        XCTAssertEqual(error("[sources.pbx1]\ncolumns = \"start\"\n"),
                       "conf/termdash.toml:2: sources.pbx1.columns: must be a list of column names, e.g. [\"clid\", \"src\", \"dst\", …]")
        XCTAssertEqual(error("copy = \"off\"\n"), "conf/termdash.toml:1: [copy] must be a table")
        XCTAssertEqual(error("osc52 = \"off\"\n"), "conf/termdash.toml:1: unknown setting \"osc52\"")
    }

    func testBadValues() {
        XCTAssertEqual(error("[copy]\nosc52 = \"maybe\"\n"), "conf/termdash.toml:2: copy.osc52: must be auto, on or off")
        XCTAssertEqual(error("[copy]\ntimeout_seconds = 0\n"),
                       "conf/termdash.toml:2: copy.timeout_seconds: must be between 0.1 and 60")
        XCTAssertEqual(error("[checklist]\nminimum_asr = 150\n"),
                       "conf/termdash.toml:2: checklist.minimum_asr: must be a percentage, 0 to 100")
        XCTAssertEqual(error("[checklist]\nminimum_asr = -1\n"),
                       "conf/termdash.toml:2: checklist.minimum_asr: must be a percentage, 0 to 100")
        XCTAssertEqual(error("[checklist]\nminimum_attempts = 0\n"),
                       "conf/termdash.toml:2: checklist.minimum_attempts: must be 1 or more")
        XCTAssertEqual(error("[display]\nmoney_decimals = 7\n"),
                       "conf/termdash.toml:2: display.money_decimals: must be between 0 and 6")
        XCTAssertEqual(error("[display]\nmoney_decimals = -1\n"),
                       "conf/termdash.toml:2: display.money_decimals: must be between 0 and 6")
        XCTAssertEqual(error("[display]\nzone = \"UTC\"\nzones = [\"Europe/Zurich\", \"Mars/Olympus\"]\n"),
                       "conf/termdash.toml:3: display.zones: unknown time zone \"Mars/Olympus\" (use IANA names such as Europe/Zurich)")
    }

    func testUnknownSettingsInTheNewSections() {
        XCTAssertEqual(error("[copy]\nosc = \"on\"\n"),
                       "conf/termdash.toml:2: copy.osc: unknown setting \"copy.osc\" (see config.example.toml)")
        XCTAssertEqual(error("[export]\ndir = \"/tmp\"\n"),
                       "conf/termdash.toml:2: export.dir: unknown setting \"export.dir\" (see config.example.toml)")
        XCTAssertEqual(error("[checklist]\nminimum_acd = 3\n"),
                       "conf/termdash.toml:2: checklist.minimum_acd: unknown setting \"checklist.minimum_acd\" (see config.example.toml)")
        XCTAssertEqual(error("[display]\nzone_list = []\n"),
                       "conf/termdash.toml:2: display.zone_list: unknown setting \"display.zone_list\" (see config.example.toml)")
    }

    func testKeysMistakesNameTheLineOfTheBinding() {
        XCTAssertEqual(error("[display]\nzone = \"UTC\"\n\n[keys]\nhelp = [\"h\"]\nnonsense = [\"x\"]\n"),
                       "conf/termdash.toml:6: keys: unknown action \"nonsense\" (see termdash's ? help or config.example.toml)")
        XCTAssertEqual(error("[keys]\nsupport = [\"S\", \"Hyper-S\"]\n"),
                       "conf/termdash.toml:2: keys: support: key \"Hyper-S\" is not understood (e.g. \"x\", \"Tab\", \"Shift-Up\", \"PgDn\", \"F5\", \"Ctrl-L\")")
        XCTAssertEqual(error("[keys]\nhelp = [\"?\"]\nzone = [\"r\"]\n"),
                       "conf/termdash.toml:3: keys: key \"r\" is bound to both refresh and zone")
        XCTAssertEqual(error("[keys]\nsummary.copy = [\"e\"]\n"),
                       "conf/termdash.toml:2: keys: key \"e\" is bound to both summary.copy and summary.export")
        XCTAssertEqual(error("[keys]\n\"summary.copy\" = [\"q\"]\n"),
                       "conf/termdash.toml:2: keys: key \"q\" is bound to both quit and summary.copy")
        XCTAssertEqual(error("[keys.summary]\ncopy = [\"e\"]\n"),
                       "conf/termdash.toml:2: keys: key \"e\" is bound to both summary.copy and summary.export")
        XCTAssertEqual(error("[keys]\nsummary.copy = 5\n"),
                       "conf/termdash.toml:2: keys.summary.copy: must be a key name or a list of them, e.g. [\"y\", \"F5\"]")
        XCTAssertEqual(error("[keys.summary]\ncopy = 5\n"),
                       "conf/termdash.toml:2: keys.summary.copy: must be a key name or a list of them, e.g. [\"y\", \"F5\"]")
    }

    func testSourcesMistakes() {
        XCTAssertEqual(error("[sources.pbx1]\nformat = \"csv\"\n"),
                       "conf/termdash.toml:2: sources.pbx1.format: unknown format \"csv\" (auto, asterisk, asterisk-custom, freeswitch, native)")
        XCTAssertEqual(error("[sources.pbx1]\nformat = \"asterisk\"\ncustomer_column = \"accountcode\"\n"),
                       "conf/termdash.toml:3: sources.pbx1.customer_column: unknown setting \"sources.pbx1.customer_column\" (known: kind, format, zone, columns, customer, carrier, default_carrier, did)")
        XCTAssertEqual(error("[sources.pbx1]\nzone = \"Mars/Olympus\"\n"),
                       "conf/termdash.toml:2: sources.pbx1.zone: unknown time zone \"Mars/Olympus\" (use an IANA name such as Europe/Zurich)")
        let missingStart = error("""
            [sources.pbx1]
            format = "asterisk-custom"
            columns = ["clid", "src", "dst", "answer", "end", "billsec", "disposition"]
            """)
        XCTAssertTrue(missingStart.hasPrefix("conf/termdash.toml:3: sources.pbx1.columns: "), missingStart)
        XCTAssertTrue(missingStart.contains("lacks start"), missingStart)
        XCTAssertEqual(error("[sources.pbx1]\ncolumns = []\n"),
                       "conf/termdash.toml:2: sources.pbx1.columns: must be a list of column names, e.g. [\"clid\", \"src\", \"dst\", …]")
        XCTAssertEqual(error("[sources]\npbx1 = \"asterisk\"\n"), "conf/termdash.toml:2: sources.pbx1 must be a table")
        // The line of the source's own table, not an earlier source's setting of the same name.
        XCTAssertEqual(error("[sources.a]\nformat = \"native\"\n\n[sources.b]\nformat = \"xml\"\n"),
                       "conf/termdash.toml:5: sources.b.format: unknown format \"xml\" (auto, asterisk, asterisk-custom, freeswitch, native)")
    }

    func testLinesAreFoundPastCommentsAndSpacing() {
        // A header with a comment after it, indented keys, spaces around the dot of a dotted key.
        XCTAssertEqual(error("# TermDash\n[checklist]   # thresholds\n  minimum_asr = 150   # percent\n"),
                       "conf/termdash.toml:3: checklist.minimum_asr: must be a percentage, 0 to 100")
        XCTAssertEqual(error("[copy] # how copies leave\nosc52 = \"maybe\"\n"),
                       "conf/termdash.toml:2: copy.osc52: must be auto, on or off")
        XCTAssertEqual(error("[keys]\nsummary . copy = 5\n"),
                       "conf/termdash.toml:2: keys.summary.copy: must be a key name or a list of them, e.g. [\"y\", \"F5\"]")
        XCTAssertEqual(error("[ sources.pbx1 ]  # the Zurich switch\nformat = \"csv\"\n"),
                       "conf/termdash.toml:2: sources.pbx1.format: unknown format \"csv\" (auto, asterisk, asterisk-custom, freeswitch, native)")
    }
}

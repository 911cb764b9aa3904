import XCTest

@testable import TermDash

/// Key names as the config writes them, and `[keys]` remapping: what each name means, which bindings a remap
/// replaces, and the mistakes it refuses with a message naming the id and the key.
final class KeyMapTests: XCTestCase {
    private func binding(_ id: String, in table: [KeyBinding]) -> KeyBinding? { table.first { $0.id == id } }

    private func remapError(_ overrides: [String: [String]], file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try KeyBinding.remapped(overrides)
            XCTFail("\(overrides) was accepted", file: file, line: line)
            return ""
        } catch {
            XCTAssertTrue(error is KeyMapError, "\(type(of: error))", file: file, line: line)
            return "\(error)"
        }
    }

    // MARK: Key names

    func testNamedKeysInAnyCase() {
        let named: [(String, Key)] = [
            ("Tab", .tab), ("Shift-Tab", .backTab), ("BackTab", .backTab), ("Enter", .enter), ("Return", .enter),
            ("Esc", .escape), ("Escape", .escape), ("Space", .character(" ")), ("Backspace", .backspace),
            ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
            ("Shift-Up", .shiftUp), ("Shift-Down", .shiftDown), ("Shift-Left", .shiftLeft), ("Shift-Right", .shiftRight),
            ("PgUp", .pageUp), ("PageUp", .pageUp), ("PgDn", .pageDown), ("PageDown", .pageDown),
            ("Home", .home), ("End", .end), ("Ins", .insert), ("Insert", .insert), ("Del", .delete), ("Delete", .delete),
        ]
        for (name, key) in named {
            XCTAssertEqual(Key(name: name), key, name)
            XCTAssertEqual(Key(name: name.lowercased()), key, name.lowercased())
            XCTAssertEqual(Key(name: name.uppercased()), key, name.uppercased())
        }
    }

    func testControlLetters() {
        for (offset, letter) in "ABCDEFGHIJKLMNOPQRSTUVWXYZ".enumerated() {
            let control = Key.character(Character(UnicodeScalar(UInt8(offset + 1))))
            XCTAssertEqual(Key(name: "Ctrl-\(letter)"), control, "Ctrl-\(letter)")
            XCTAssertEqual(Key(name: "ctrl-\(letter.lowercased())"), control)
            XCTAssertEqual(Key(name: "CTRL-\(letter)"), control)
            XCTAssertEqual(KeyBinding.label(control), "Ctrl-\(letter)", "written back the way it is named")
        }
        XCTAssertEqual(Key(name: "Ctrl-L"), .character("\u{0C}"))
        for nonsense in ["Ctrl-", "Ctrl-1", "Ctrl-AB", "Ctrl-[", "Ctrl-é", "Ctrl+A", "Ctrl A"] {
            XCTAssertNil(Key(name: nonsense), nonsense)
        }
    }

    func testFunctionKeys() {
        for number in 1...12 {
            XCTAssertEqual(Key(name: "F\(number)"), .function(number))
            XCTAssertEqual(Key(name: "f\(number)"), .function(number))
            XCTAssertEqual(KeyBinding.label(.function(number)), "F\(number)")
        }
        for nonsense in ["F0", "F13", "F99", "F-1", "F+1", "F 5", "Fx", "F1.5"] {
            XCTAssertNil(Key(name: nonsense), nonsense)
        }
    }

    func testSingleCharactersAreThemselvesAndCaseMatters() {
        XCTAssertEqual(Key(name: "x"), .character("x"))
        XCTAssertEqual(Key(name: "X"), .character("X"), "G and g are different keys")
        XCTAssertEqual(Key(name: "f"), .character("f"), "one letter, not a function key")
        XCTAssertEqual(Key(name: "F"), .character("F"))
        XCTAssertEqual(Key(name: "?"), .character("?"))
        XCTAssertEqual(Key(name: "$"), .character("$"))
        XCTAssertEqual(Key(name: "5"), .character("5"))
        XCTAssertEqual(Key(name: " "), .character(" "))
        XCTAssertEqual(Key(name: "é"), .character("é"))
    }

    func testNonsenseIsNil() {
        for nonsense in ["", "nonsense", "xy", "Shift", "Shift-", "Shift-X", "Alt-x", "Meta-x", "PgUpp", "Up Down", "Tab "] {
            XCTAssertNil(Key(name: nonsense), "\"\(nonsense)\"")
        }
    }

    func testLabels() {
        XCTAssertEqual(KeyBinding.label(.character(" ")), "Space")
        XCTAssertEqual(KeyBinding.label(.character("y")), "y")
        XCTAssertEqual(KeyBinding.label(.backTab), "Shift-Tab")
        XCTAssertEqual(KeyBinding.label(.pageDown), "PgDn")
        XCTAssertEqual(KeyBinding.label(.up), "↑")
        XCTAssertEqual(KeyBinding.label(.shiftLeft), "Shift-←")
        XCTAssertEqual(KeyBinding.label(.escape), "Esc")
    }

    // MARK: The default table

    func testDefaultTableHasNoConflicts() throws {
        let table = KeyBinding.defaults
        XCTAssertNoThrow(try KeyBinding.remapped([:]))
        XCTAssertEqual(Set(table.map(\.id)).count, table.count, "ids are unique")
        // The same key twice in one place, or a view key hiding a global one: none.
        for (index, binding) in table.enumerated() {
            XCTAssertFalse(binding.keys.isEmpty, binding.id)
            for key in binding.keys {
                for other in table[(index + 1)...] where other.keys.contains(key) {
                    XCTAssertTrue(binding.view != nil && other.view != nil && binding.view != other.view,
                                  "\(KeyBinding.label(key)): \(binding.id) and \(other.id)")
                }
            }
        }
    }

    func testDefaultIDsAreTheDocumentedOnes() {
        let ids = Set(KeyBinding.defaults.map(\.id))
        for id in ["help", "quit", "refresh", "next_view", "previous_view", "view_1", "view_6", "range", "zone", "support",
                   "summary.copy", "summary.copy_headers", "summary.export", "summary.select", "summary.all",
                   "quality.toggle", "quality.all", "quality.up", "checklist.down", "checklist.bottom"] {
            XCTAssertTrue(ids.contains(id), id)
        }
        XCTAssertTrue(KeyBinding.defaults.filter { $0.id.hasPrefix("summary.") }.allSatisfy { $0.view == .summary })
        XCTAssertTrue(KeyBinding.defaults.filter { !$0.id.contains(".") }.allSatisfy { $0.view == nil })
    }

    // MARK: Remapping

    func testRemapReplacesExactlyTheListedBindingsKeys() throws {
        let table = try KeyBinding.remapped(["support": ["S", "F5"], "summary.copy": ["Ctrl-Y"]])
        XCTAssertEqual(binding("support", in: table)?.keys, [.character("S"), .function(5)])
        XCTAssertEqual(binding("summary.copy", in: table)?.keys, [.character("\u{19}")])
        // Everything else as it was, in the same order.
        let defaults = KeyBinding.defaults
        XCTAssertEqual(table.map(\.id), defaults.map(\.id))
        for (old, new) in zip(defaults, table) where !["support", "summary.copy"].contains(old.id) {
            XCTAssertEqual(old.keys, new.keys, old.id)
            XCTAssertEqual(old.action, new.action, old.id)
            XCTAssertEqual(old.view, new.view, old.id)
        }
        // The old keys no longer do it; the new ones do.
        XCTAssertNil(KeyBinding.action(for: .character("c"), in: .overview, table: table))
        XCTAssertEqual(KeyBinding.action(for: .function(5), in: .overview, table: table), .copySupport)
        XCTAssertNil(KeyBinding.action(for: .character("y"), in: .summary, table: table))
        XCTAssertEqual(KeyBinding.action(for: .character("\u{19}"), in: .summary, table: table), .grid(.copy))
    }

    func testRemapCanMoveAKeyFreedByAnotherRemap() throws {
        // q no longer quits; it refreshes. Both changes in one [keys] table.
        let table = try KeyBinding.remapped(["quit": ["Ctrl-Q"], "refresh": ["q", "F5"]])
        XCTAssertEqual(KeyBinding.action(for: .character("q"), in: .history, table: table), .refresh)
        XCTAssertEqual(KeyBinding.action(for: .character("\u{11}"), in: .history, table: table), .quit)
        XCTAssertNil(KeyBinding.action(for: .character("Q"), in: .history, table: table), "Q was quit's second key")
    }

    func testUnknownActionIsNamed() {
        let message = remapError(["nonsense": ["x"]])
        XCTAssertTrue(message.contains("\"nonsense\""), message)
        XCTAssertTrue(message.contains("unknown action"), message)
        XCTAssertTrue(remapError(["copy": ["x"]]).contains("\"copy\""), "the grid's copy is summary.copy")
    }

    func testUnknownKeyNameIsNamedWithItsAction() {
        let message = remapError(["support": ["S", "Hyper-S"]])
        XCTAssertTrue(message.hasPrefix("support: "), message)
        XCTAssertTrue(message.contains("\"Hyper-S\""), message)
        XCTAssertTrue(message.contains("not understood"), message)
    }

    func testAKeyBoundTwiceInOneScopeIsNamedWithBothIDs() {
        // Two global bindings.
        let global = remapError(["zone": ["r"]])
        XCTAssertTrue(global.contains("\"r\""), global)
        XCTAssertTrue(global.contains("refresh") && global.contains("zone"), global)
        // Two bindings of the summary view.
        let summary = remapError(["summary.copy": ["e"]])
        XCTAssertTrue(summary.contains("\"e\""), summary)
        XCTAssertTrue(summary.contains("summary.copy") && summary.contains("summary.export"), summary)
        // Named keys are written as the help writes them.
        let named = remapError(["quality.toggle": ["PgDn"]])
        XCTAssertTrue(named.contains("\"PgDn\""), named)
        XCTAssertTrue(named.contains("quality.page_down") && named.contains("quality.toggle"), named)
    }

    func testAGlobalKeyAViewBindingWouldShadowIsRefused() {
        // y in the summary view is copy; a global y would never reach it there.
        let global = remapError(["support": ["y"]])
        XCTAssertTrue(global.contains("\"y\""), global)
        XCTAssertTrue(global.contains("support") && global.contains("summary.copy"), global)
        // And the other way: a view binding taking a global key.
        let local = remapError(["checklist.top": ["q"]])
        XCTAssertTrue(local.contains("\"q\""), local)
        XCTAssertTrue(local.contains("quit") && local.contains("checklist.top"), local)
    }

    func testTheSameKeyInTwoViewsIsFine() throws {
        // quality.top and checklist.top are both g by default; two different views may share a key.
        let table = try KeyBinding.remapped(["quality.all": ["A"], "summary.all": ["A"]])
        XCTAssertEqual(KeyBinding.action(for: .character("A"), in: .quality, table: table), .list(.all))
        XCTAssertEqual(KeyBinding.action(for: .character("A"), in: .summary, table: table), .grid(.selectAll))
        XCTAssertNil(KeyBinding.action(for: .character("A"), in: .overview, table: table))
    }
}

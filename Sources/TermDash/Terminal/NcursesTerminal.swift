import CNcurses
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The only place that talks to ncurses. Views draw into a `CellBuffer`, which diffs itself against the frame shown
/// before; `draw` hands ncurses the cells of that diff, then one `doupdate()` sends them.
final class NcursesTerminal: TerminalBackend {
    let capabilities: TerminalCapabilities

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    /// Whether the locale encodes UTF-8; if not, text beyond ASCII is shown as "?" (ncurses could not send it).
    private let localeIsUTF8: Bool
    /// ncurses attributes and colour pair per role, indexed by `StyleRole.rawValue`.
    private let looks: [(attributes: attr_t, pair: Int16)]
    /// Whether the terminal has an alternate screen (smcup/rmcup) that gives the shell's screen back on exit.
    private let alternateScreen: Bool
    private var active = true

    init(mouse: Bool, theme: Theme) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard let screen = td_newterm(), let window = td_stdscr() else {
            throw TerminalError.cannotInitialize(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        guard td_has_terminfo_string("cup") else {
            endwin()
            delscreen(screen)
            throw TerminalError.noCursorAddressing(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        self.screen = screen
        self.window = window
        alternateScreen = td_has_terminfo_string("smcup") && td_has_terminfo_string("rmcup")
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        curs_set(0)
        // The cursor is hidden: do not spend bytes moving it back after each update.
        leaveok(window, true)

        capabilities = TerminalCapabilities.detect(
            environment: ProcessInfo.processInfo.environment, codeset: codeset,
            terminalColors: has_colors() ? Int(td_terminfo_number("colors")) : 0)
        localeIsUTF8 = codeset.uppercased().filter { $0.isLetter || $0.isNumber } == "UTF8"
        // start_color() alone makes ncurses paint every cell white on black: only a theme that has colours, on
        // a terminal that shows them, starts it, and then on the terminal's own colours.
        let colorful = theme.usesColor(on: capabilities.colors)
        var colorCount = 0
        var defaultsAllowed = false
        if colorful {
            start_color()
            colorCount = Int(td_colors())
            defaultsAllowed = use_default_colors() == OK
        }
        looks = NcursesTerminal.prepareLooks(
            theme.resolved(for: colorful ? capabilities.colors : .none, colorCount: colorCount), colors: colorful,
            defaultsAllowed: defaultsAllowed)

        if mouse {
            // Presses, releases and motion while a button is held (xterm's mode 1002), so a drag can select.
            mousemask(td_mouse_buttons() | td_report_mouse_position(), nil)
            mouseinterval(0)  // report presses at once instead of waiting to detect clicks
            writeRaw(Array("\u{1B}[?1002h".utf8))
            mouseDrag = true
        }
    }

    deinit { shutdown() }

    /// Whether xterm's button-motion reporting was turned on (and must be turned off again).
    private var mouseDrag = false
    /// Button 1 is down: motion reports are drags.
    private var buttonHeld = false

    /// Columns and rows of the terminal now.
    var size: (width: Int, height: Int) {
        guard active else { return (0, 0) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Gives ncurses the diff's cells (those on the screen: a frame drawn for the size before a resize is clipped),
    /// then one update.
    func draw(_ diff: FrameDiff) {
        guard active else { return }
        let (columns, rows) = size
        if diff.repaint { werase(window) }
        for change in diff.changes where change.x < columns && change.y < rows {
            put(change.cell, x: change.x, y: change.y, columns: columns)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func put(_ cell: Cell, x: Int, y: Int, columns: Int) {
        var text = cell.text
        if cell.isContinuation {
            // ncurses fills the right half itself when it draws the wide character; without UTF-8 the "?"
            // standing in for it took one column only, so the second needs its own.
            guard !localeIsUTF8 else { return }
            text = "?"
        } else if !localeIsUTF8, !text.unicodeScalars.allSatisfy({ $0.isASCII }) {
            text = "?"
        } else if let first = text.first, DisplayWidth.of(first) == 2, x + 1 >= columns {
            text = " "  // would wrap at the right edge
        }
        let look = looks[cell.style.role.rawValue]
        var attributes = look.attributes
        if cell.style.bold { attributes |= td_attr_bold() }
        if cell.style.reverse { attributes |= td_attr_reverse() }
        var scalars = text.unicodeScalars.prefix(CellBuffer.maxScalarsPerCell).map { wchar_t(bitPattern: $0.value) }
        if scalars.isEmpty { scalars = [wchar_t(0x20)] }
        scalars.append(0)
        var character = cchar_t()
        setcchar(&character, scalars, attributes, look.pair, nil)
        // Every cell is placed explicitly, so a width disagreement with the terminal cannot shift its neighbours.
        mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    /// Waits up to `timeoutMilliseconds` (negative: for ever) for input; nil on timeout.
    func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard active else { return nil }
        wtimeout(window, timeoutMilliseconds)
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        switch result {
        case KEY_CODE_YES:
            let value = Int32(bitPattern: code)
            if value == KEY_RESIZE {
                let (width, height) = size
                return .resize(width: width, height: height)
            }
            if value == KEY_MOUSE { return mouseEvent() }
            return NcursesTerminal.key(forKeyCode: value).map(InputEvent.key)
        case OK:
            return NcursesTerminal.key(forCharacter: UInt32(code)).map(InputEvent.key)
        default:
            return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let kind: MouseKind
        if state & td_report_mouse_position() != 0, buttonHeld {
            kind = .drag
        } else if state & td_button4_pressed() != 0 {
            kind = .scrollUp
        } else if td_button5_pressed() != 0 && state & td_button5_pressed() != 0 {
            kind = .scrollDown
        } else if state & td_button1_pressed() != 0 {
            kind = .press
            buttonHeld = true
        } else if state & td_button1_released() != 0 {
            kind = .release
            buttonHeld = false
        } else if state & td_button1_clicked() != 0 {
            kind = .click
        } else {
            kind = .other
        }
        return .mouse(x: Int(event.x), y: Int(event.y), kind: kind)
    }

    /// Writes bytes straight to the terminal between frames (for OSC 52 clipboard requests).
    func writeRaw(_ bytes: [UInt8]) {
        guard active else { return }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    /// Restores the terminal. Safe to call more than once and from `deinit`.
    func shutdown() {
        guard active else { return }
        if mouseDrag { writeRaw(Array("\u{1B}[?1002l".utf8)) }
        active = false
        if !alternateScreen {
            // Nothing restores the shell's screen (TERM=linux, vt100): clear the last frame, so no status bar is
            // left where the prompt comes back; endwin puts the cursor at the bottom left of the clean screen.
            wclear(window)
            wrefresh(window)
        }
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    // MARK: Translation tables (pure)

    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_SR: return .shiftUp
        case KEY_SF: return .shiftDown
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END, KEY_LL: return .end
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// ncurses attributes and colour pairs for each role; pairs are shared between roles with the same colours.
    private static func prepareLooks(
        _ resolved: [StyleRole: ResolvedStyle], colors: Bool, defaultsAllowed: Bool
    ) -> [(attributes: attr_t, pair: Int16)] {
        var pairs: [[Int]: Int16] = [:]
        return StyleRole.allCases.map { role in
            let style = resolved[role] ?? ResolvedStyle(fg: -1, bg: -1, bold: false, reverse: false, dim: false, underline: false)
            var attributes = attr_t(A_NORMAL)
            if style.bold { attributes |= td_attr_bold() }
            if style.reverse { attributes |= td_attr_reverse() }
            if style.dim { attributes |= td_attr_dim() }
            if style.underline { attributes |= td_attr_underline() }
            guard colors else { return (attributes, 0) }
            // Without use_default_colors, "the terminal's colour" has to be a real one.
            let fg = style.fg >= 0 || defaultsAllowed ? style.fg : Int(COLOR_WHITE)
            let bg = style.bg >= 0 || defaultsAllowed ? style.bg : Int(COLOR_BLACK)
            if fg == -1 && bg == -1 { return (attributes, 0) }
            if let pair = pairs[[fg, bg]] { return (attributes, pair) }
            let pair = Int16(pairs.count + 1)
            guard Int(pair) < Int(td_color_pairs()) else { return (attributes, 0) }
            init_pair(pair, Int16(fg), Int16(bg))
            pairs[[fg, bg]] = pair
            return (attributes, pair)
        }
    }
}

import CNcurses
import CTerminalGuard
import Explorer
import Timeline
#if canImport(Glibc)
import Glibc
#endif

/// The ncurses backend: takes the terminal over, draws cell grids, reads keys, and gives the
/// terminal back on every way out (see `end` and the signal handlers in shim.h).
public final class Terminal {
    /// Colours are used: the terminal has them and NO_COLOR is not set.
    public let colors: Bool
    private var pairs: [UInt16: Int16] = [:]
    private var gray: Int16 = Int16(COLOR_WHITE)
    private var ended = false

    /// True when the locale (from the environment) encodes text as UTF-8.
    public static var localeIsUTF8: Bool {
        setlocale(LC_ALL, "")
        return ls_locale_is_utf8() != 0
    }

    public init(useColor: Bool) {
        setlocale(LC_ALL, "")
        ls_save_terminal_modes()
        Self.fallBackToAKnownTerminal()
        initscr()
        cbreak()
        noecho()
        nonl()
        intrflush(ls_stdscr(), false)
        keypad(ls_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        mousemask(ls_button1_events(), nil)
        mouseinterval(0)
        ls_install_signal_handlers()
        colors = useColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
            gray = ls_colors() >= 16 ? 8 : Int16(COLOR_WHITE)
        }
    }

    /// Terminals tried, in order, when TERM is unset or unknown to terminfo (a container,
    /// a serial console, an ssh session from an exotic emulator): ncurses would exit with
    /// "Error opening terminal"; any of these draws the timeline on today's emulators.
    static let fallbackTerminals = ["xterm-256color", "xterm", "vt100", "ansi"]

    /// Sets TERM to the first known fallback when the current one is unknown, and says so
    /// on stderr (the line stays on the main screen under the UI's alternate screen).
    private static func fallBackToAKnownTerminal() {
        guard ls_terminal_known(nil) == 0 else { return }
        let current = getenv("TERM").map { String(cString: $0) }
        guard let fallback = fallbackTerminals.first(where: { ls_terminal_known($0) != 0 }) else { return }
        setenv("TERM", fallback, 1)
        let what = current.map { "TERM=\($0) is unknown to terminfo" } ?? "TERM is not set"
        let note = "loopscope: \(what); drawing for \(fallback)\n"
        _ = note.withCString { write(2, $0, strlen($0)) }
    }

    /// Gives the terminal back (cooked mode, echo, main screen, cursor). Safe to call twice.
    public func end() {
        guard !ended else { return }
        ended = true
        mousemask(0, nil)
        curs_set(1)
        endwin()
    }

    /// The terminal went away (its pty was closed) without a SIGHUP reaching us: reads then
    /// fail at once, and the UI must end instead of spinning on them.
    public private(set) var hungUp = false

    /// Whether standard input reports a hang-up or an error (poll's POLLHUP/POLLERR/POLLNVAL).
    private static func inputHungUp() -> Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) >= 0 else { return errno != EINTR }
        return fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// A signal (SIGINT, SIGTERM, SIGHUP) received since the last call, or 0.
    public static func takeSignal() -> Int32 { Int32(ls_take_signal()) }

    public var size: (width: Int, height: Int) { (Int(ls_cols()), Int(ls_lines())) }

    // MARK: Drawing

    /// Puts a frame on screen: every cell into ncurses' buffer, then one refresh (ncurses
    /// sends only what changed, so there is no flicker).
    public func draw(_ grid: CellGrid) {
        let (w, h) = size
        for y in 0..<min(h, grid.height) {
            for x in 0..<min(w, grid.width) {
                let cell = grid[x, y]
                var attrs: Int32 = 0
                var style = cell.style
                if !colors, style.background != .default { style.attributes.insert(.reverse) }
                if style.attributes.contains(.bold) { attrs |= ls_attr_bold() }
                if style.attributes.contains(.dim) { attrs |= ls_attr_dim() }
                if style.attributes.contains(.underline) { attrs |= ls_attr_underline() }
                if style.attributes.contains(.reverse) { attrs |= ls_attr_reverse() }
                let pair = colors ? self.pair(style.foreground, style.background) : 0
                let scalar = cell.character.unicodeScalars.first?.value ?? 32
                _ = ls_put_char(Int32(y), Int32(x), wchar_t(bitPattern: scalar), attrs, pair)
            }
        }
        wnoutrefresh(ls_stdscr())
        doupdate()
    }

    private func color(_ c: TerminalColor) -> Int16 {
        switch c {
        case .default: return -1
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        case .gray: return gray
        }
    }

    /// The colour pair for a foreground/background combination, made on first use.
    private func pair(_ fg: TerminalColor, _ bg: TerminalColor) -> Int16 {
        if fg == .default && bg == .default { return 0 }
        let key = UInt16(fg.rawValue) << 8 | UInt16(bg.rawValue)
        if let p = pairs[key] { return p }
        let n = Int16(pairs.count + 1)
        guard Int32(n) < ls_color_pairs() else { return 0 }
        init_pair(n, color(fg), color(bg))
        pairs[key] = n
        return n
    }

    // MARK: Input

    /// The next key, waiting at most `milliseconds` (nil: none came).
    public func readKey(timeout milliseconds: Int) -> Key? {
        wtimeout(ls_stdscr(), Int32(milliseconds))
        var ch: wint_t = 0
        let r = wget_wch(ls_stdscr(), &ch)
        if r == ERR {
            if Self.inputHungUp() { hungUp = true }
            return nil
        }
        let code = Int32(ch)
        if r == ls_key_code_yes() {
            switch code {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            case KEY_BACKSPACE, KEY_DC: return .backspace
            case KEY_RESIZE:
                let (w, h) = size
                return .resize(width: w, height: h)
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                let wheel = ls_wheel(event.bstate)
                if wheel != 0 { return wheel < 0 ? .scrollUp : .scrollDown }
                guard ls_is_button1(event.bstate) != 0 else { return nil }
                return .click(x: Int(event.x), y: Int(event.y))
            default: return nil
            }
        }
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
            return .character(Character(scalar))
        }
    }
}

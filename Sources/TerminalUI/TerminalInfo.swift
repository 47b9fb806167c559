import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// Facts about the terminal the process runs in, asked without taking it over.
public enum TerminalInfo {
    /// True when both stdin and stdout are terminals (the UI needs both).
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// The linked ncurses library's version string, e.g. "ncurses 6.4.20221231".
    public static var ncursesVersion: String {
        String(cString: ls_curses_version())
    }
}

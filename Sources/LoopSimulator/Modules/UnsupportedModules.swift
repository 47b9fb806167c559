import PythonRuntime

/// Modules a simulated program cannot use, each with what to do instead. `check` reports
/// them at the import line (a missing module gets CPython's "No module named" instead).
enum UnsupportedModules {
    private static let network = "loopscope runs no real network I/O: simulate the latency with 'await asyncio.sleep(...)', or record the real program under CPython"
    private static let processes = "loopscope runs no real processes: simulate the work with 'await asyncio.sleep(...)' (waiting) or 'cpu(seconds)' from loopscope (CPU-bound), or record the real program under CPython"
    private static let files = "loopscope reads and writes no real files or operating-system state: keep the data in the program, or record the real program under CPython"

    /// Why the top-level module `name` cannot be simulated, or nil.
    static func reason(_ name: String) -> String? {
        // urllib is only its parse module here: the others fetch (or describe fetching).
        for fetching in ["urllib.request", "urllib.response", "urllib.error", "urllib.robotparser"]
        where name == fetching || name.hasPrefix(fetching + ".") {
            return network
        }
        let top = String(name.split(separator: ".").first ?? Substring(name))
        switch top {
        case "socket", "ssl", "select", "selectors", "asyncore", "asynchat", "http", "urllib3", "ftplib",
             "smtplib", "poplib", "imaplib", "telnetlib", "socketserver", "xmlrpc", "requests", "aiohttp",
             "httpx", "websockets", "aiofiles", "asyncpg", "aiomysql", "aioredis", "redis", "grpc", "uvloop",
             "trio", "anyio", "curio", "twisted", "tornado", "zmq":
            return network
        case "subprocess", "multiprocessing", "signal", "pty":
            return processes
        case "sched":
            return "sched is not provided: schedule calls with the event loop's call_later/call_at"
        case "os", "io", "pathlib", "shutil", "tempfile", "glob", "sqlite3", "pickle", "shelve", "mmap", "fcntl":
            return files
        default:
            return nil
        }
    }
}

import PythonRuntime

/// Modules a simulated program cannot use, each with what to do instead. `check` reports
/// them at the import line (a missing module gets CPython's "No module named" instead).
enum UnsupportedModules {
    private static let network = "loopscope runs no real network I/O: simulate the latency with 'await asyncio.sleep(...)', or record the real program under CPython"
    private static let processes = "loopscope runs no real processes: simulate the work with 'await asyncio.sleep(...)' (waiting) or 'cpu(seconds)' from loopscope (CPU-bound), or record the real program under CPython"
    static let files = "loopscope reads and writes no real files or operating-system state: keep the data in the program, or record the real program under CPython"

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
        case "os", "pathlib", "shutil", "tempfile", "glob", "sqlite3", "pickle", "shelve", "mmap", "fcntl":
            return files
        default:
            return nil
        }
    }

    /// The names of io (and _io) that read or write real files: left out of loopscope's
    /// io, which has the in-memory streams.
    static let fileBackedIONames: Set<String> = [
        "open", "open_code", "FileIO", "BufferedReader", "BufferedWriter", "BufferedRWPair", "BufferedRandom",
        "TextIOWrapper", "IncrementalNewlineDecoder", "text_encoding", "OpenWrapper",
    ]

    /// Why `name` of module `module` (`from module import name`, `module.name`) cannot be
    /// simulated where CPython's module has it, or nil.
    static func nameReason(_ name: String, from module: String) -> String? {
        if (module == "io" || module == "_io") && fileBackedIONames.contains(name) {
            return "'\(name)' from '\(module)' cannot be simulated: \(files) (io.StringIO and io.BytesIO are provided)"
        }
        if module == "base64" && ["a85encode", "a85decode", "b85encode", "b85decode"].contains(name) {
            return "'\(name)' from 'base64' is not provided: loopscope's base64 has no Ascii85 or Base85 codecs (CPython packs their words with the struct module, which loopscope lacks)"
        }
        return AsyncioSubmodules.unsupportedReason(name, from: module)
    }

    /// Why the builtin `name` cannot be simulated, or nil: `open` reads and writes files,
    /// `input` reads the terminal, the rest belong to the interactive interpreter.
    static func builtinReason(_ name: String) -> String? {
        switch name {
        case "open":
            return "'open' cannot be simulated: \(files) (io.StringIO and io.BytesIO are provided)"
        case "input":
            return "'input' cannot be simulated: loopscope reads no terminal input, so a run repeats: put the value in the program (a number there can be a what-if parameter)"
        case "breakpoint":
            return "'breakpoint' cannot be simulated: loopscope runs no debugger: step through the run in the timeline instead"
        case "help", "copyright", "credits", "license":
            return "'\(name)' is the interactive interpreter's and cannot be simulated: remove it from the program"
        default:
            return nil
        }
    }
}

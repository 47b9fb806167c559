#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation

/// `loopscope record -o OUT -- python3 app.py ARGS...`: runs a real program under CPython
/// with the recorder package (python/loopscope_recorder, shipped in this repository) loaded
/// before the program's first line. The program's stdin, stdout, stderr and exit status are
/// its own; the recorder's writer process writes the trace.
struct ProgramRecording {
    /// The interpreter to run (a path, or a name looked up on PATH).
    var python: String
    /// Interpreter options given before the script (`-X dev`, `-W error`, `-u`, ...).
    var interpreterOptions: [String]
    var script: String
    var arguments: [String]
    var output: String
    /// `--max-size`: the trace's bound in bytes (nil: unbounded).
    var maxSize: Int? = nil

    /// Splits a command line: `python3 [OPTIONS] app.py ARGS...`, or `app.py ARGS...` run
    /// by `python` (from `--python`, else `python3` on PATH).
    static func parse(_ words: [String], python: String?, output: String) throws -> ProgramRecording {
        var rest = words[...]
        var interpreter = python ?? "python3"
        if let first = rest.first, looksLikePython(first) {
            interpreter = first
            rest = rest.dropFirst()
        }
        var options: [String] = []
        while let word = rest.first, word.hasPrefix("-"), word != "-" {
            rest = rest.dropFirst()
            if word == "-m" || word == "-c" || word == "-" {
                throw ValidationError("record runs a script file (python3 app.py ...); '\(word)' is not supported")
            }
            options.append(word)
            // Options whose value is the next word.
            if ["-X", "-W", "--check-hash-based-pycs"].contains(word), let value = rest.first {
                options.append(value)
                rest = rest.dropFirst()
            }
        }
        guard let script = rest.first else {
            throw ValidationError("the program to record is missing: loopscope record -o OUT.jsonl -- python3 app.py ARGS...")
        }
        return ProgramRecording(python: interpreter, interpreterOptions: options, script: script,
                                arguments: Array(rest.dropFirst()), output: output)
    }

    /// `python3`, `python3.12`, `/usr/bin/python`, `~/.pyenv/versions/3.13.0/bin/python3`.
    static func looksLikePython(_ word: String) -> Bool {
        let name = word.split(separator: "/").last.map(String.init) ?? word
        guard name.hasPrefix("python") else { return false }
        return name.dropFirst("python".count).allSatisfy { $0.isNumber || $0 == "." }
    }

    /// The directory holding `loopscope_recorder/`: `$LOOPSCOPE_PYTHON_DIR`, else the
    /// repository's `python/` found by walking up from the executable (a SwiftPM build
    /// sits in `.build/...` inside the repository), wherever the command is run from.
    static func recorderDirectory() -> String? {
        func holdsRecorder(_ dir: String) -> Bool {
            FileManager.default.fileExists(atPath: dir + "/loopscope_recorder/__main__.py")
        }
        if let dir = ProcessInfo.processInfo.environment["LOOPSCOPE_PYTHON_DIR"], holdsRecorder(dir) {
            return dir
        }
        var dir = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            for candidate in ["python", "share/loopscope/python"] {
                let path = dir.appendingPathComponent(candidate).path
                if holdsRecorder(path) { return path }
            }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    /// This executable's path (symlinks resolved by the caller).
    static var executablePath: String {
        Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// Runs the program to completion; returns how it ended.
    func run() throws -> ChildStatus {
        let (argv, environment) = try command()
        return try ChildProcess.run(argv, environment: environment)
    }

    /// Starts the program in the background for `record --live`: no terminal (stdin is
    /// /dev/null, stdout and stderr go to `log`), a process group of its own.
    func start(log: String) throws -> pid_t {
        let (argv, environment) = try command()
        return try ChildProcess.spawn(argv, environment: environment, detachedWithOutput: log)
    }

    /// The recorder's command line and environment.
    private func command() throws -> ([String], [String: String]) {
        guard let recorder = Self.recorderDirectory() else {
            Console.err("loopscope: cannot find the recorder package (python/loopscope_recorder) near \(Self.executablePath); set LOOPSCOPE_PYTHON_DIR to the directory holding it\n")
            throw ExitCode(2)
        }
        var environment = ProcessInfo.processInfo.environment
        // The recorder takes these back out, so the program and its subprocesses see the
        // PYTHONPATH they would have seen.
        if let original = environment["PYTHONPATH"] {
            environment["LOOPSCOPE_RECORDER_PYTHONPATH"] = original
            environment["PYTHONPATH"] = recorder + ":" + original
        } else {
            environment["PYTHONPATH"] = recorder
        }
        environment["LOOPSCOPE_RECORDER_PATH"] = recorder
        environment["LOOPSCOPE_RECORDER_PYTHON"] = python
        let bound = maxSize.map { ["--max-size", String($0)] } ?? []
        let argv = [python] + interpreterOptions + ["-m", "loopscope_recorder", "-o", output] + bound + ["--", script] + arguments
        return (argv, environment)
    }
}

/// How a child process ended.
enum ChildStatus {
    case exited(Int32)
    case signalled(Int32)
}

/// Runs a program in the foreground with this process's standard streams, as a shell
/// would: while it runs, loopscope ignores the terminal's Ctrl-C and Ctrl-\ (the child,
/// in the same process group, gets them and decides), and the child starts with default
/// signal handling whatever loopscope ignores.
enum ChildProcess {
    static func run(_ argv: [String], environment: [String: String]) throws -> ChildStatus {
        let oldInt = signal(SIGINT, SIG_IGN)
        let oldQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, oldInt)
            signal(SIGQUIT, oldQuit)
        }
        return try wait(spawn(argv, environment: environment), argv[0])
    }

    /// Starts `argv` with default signal handling. With `detachedWithOutput`, the child
    /// gets no terminal: stdin from /dev/null, stdout and stderr appended to that file, in
    /// a process group of its own (the terminal's keys are the UI's).
    static func spawn(_ argv: [String], environment: [String: String], detachedWithOutput log: String? = nil) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let log {
            flags |= POSIX_SPAWN_SETPGROUP
            posix_spawnattr_setpgroup(&attributes, 0)
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        guard spawned == 0 else {
            Console.err("loopscope: cannot run \(argv[0]): \(String(cString: strerror(spawned)))\n")
            throw ExitCode(2)
        }
        return pid
    }

    /// Waits for `pid` to end.
    static func wait(_ pid: pid_t, _ name: String) throws -> ChildStatus {
        guard let status = try poll(pid, name, blocking: true) else {
            Console.err("loopscope: lost track of \(name)\n")
            throw ExitCode(2)
        }
        return status
    }

    /// How `pid` ended; nil while it runs (when not `blocking`).
    static func poll(_ pid: pid_t, _ name: String, blocking: Bool) throws -> ChildStatus? {
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if r == pid { break }
            if r == 0 { return nil }
            guard errno == EINTR else {
                Console.err("loopscope: lost track of \(name): \(String(cString: strerror(errno)))\n")
                throw ExitCode(2)
            }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
        let termSignal = status & 0x7f
        if termSignal == 0 { return .exited((status >> 8) & 0xff) }
        return .signalled(termSignal)
    }

    /// Ends loopscope the way the child ended, so a shell sees the program's own status.
    static func exit(like status: ChildStatus) throws -> Never {
        switch status {
        case .exited(let code):
            Foundation.exit(code)
        case .signalled(let sig):
            signal(sig, SIG_DFL)
            raise(sig)
            Foundation.exit(128 + sig)
        }
    }
}

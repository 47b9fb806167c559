import PythonRuntime

/// asyncio's `logger` (asyncio/log.py: `logging.getLogger("asyncio")`). Every message
/// asyncio logs goes to it, as in CPython: "Task exception was never retrieved", the
/// default exception handler's errors, debug mode's "Executing ... took 0.250 seconds",
/// "Using selector" and "Close" at DEBUG. With `logging` imported, the record goes
/// through Lib/logging (levels, handlers, formats, filters see it). Without it, no
/// handler can exist, so what CPython prints is logging's last-resort handler: the
/// message (and the traceback) on stderr for WARNING and above; that is written directly,
/// which keeps programs that never log from loading `logging`.
struct AsyncioLogRecord {
    enum Level: Int {
        case debug = 10, info = 20, warning = 30, error = 40
    }
    var level: Level
    /// `msg` and `args` as asyncio passes them (`'Executing %s took %.3f seconds'`),
    /// which is what filters and formatters see; `text` is `msg % args`.
    var message: String
    var args: [Value]
    var text: String
    var exception: PyException?
    var site: LogSite
}

extension SimulationState {
    /// `logger.log(level, message, exc_info=exception)`, made at `site` in CPython's asyncio.
    func log(_ level: AsyncioLogRecord.Level, _ message: String, _ args: [Value] = [], text: String? = nil,
             exception: PyException? = nil, at site: LogSite) {
        let text = text ?? message
        if level.rawValue >= AsyncioLogRecord.Level.warning.rawValue { emit(.warning(text: text)) }
        let record = AsyncioLogRecord(level: level, message: message, args: args, text: text, exception: exception,
                                      site: site)
        guard let vm = interpreter, let logging = vm.modules["logging"], handle(record, vm, logging) else {
            writeLastResort(record)
            return
        }
    }

    /// `logging.lastResort` (a `_StderrHandler` at WARNING with the bare `%(message)s`
    /// format, the traceback as `traceback.py` formats it).
    private func writeLastResort(_ record: AsyncioLogRecord) {
        guard record.level.rawValue >= AsyncioLogRecord.Level.warning.rawValue else { return }
        var text = record.text + "\n"
        if let exc = record.exception, let vm = interpreter {
            var traceback = vm.formatTraceback(exc, style: .library)
            // Formatter.format: the traceback follows the message, without its last newline.
            if traceback.hasSuffix("\n") { traceback.removeLast() }
            text += traceback + "\n"
        }
        writeError(text)
    }

    /// `logging.getLogger("asyncio").log(level, message, exc_info=exception)`, as
    /// `Logger._log` makes the record but with the caller CPython's asyncio has (its
    /// `findCaller` would find the simulator's frames); false when that raised (logging
    /// reports its own handler errors; anything else escaping it is treated as CPython's
    /// `call_exception_handler` treats it: the message still shows).
    private func handle(_ record: AsyncioLogRecord, _ vm: Interpreter, _ logging: PyModule) -> Bool {
        do {
            let logger = try vm.callNow(try vm.getAttribute(.object(logging), "getLogger"), [.str("asyncio")])
            let level = Value.int(record.level.rawValue)
            guard try vm.truthy(try vm.callNow(try vm.getAttribute(logger, "isEnabledFor"), [level])) else { return true }
            var excInfo = Value.none
            if let exc = record.exception {
                excInfo = .object(PyTuple([.object(exc.pyClass), .object(exc),
                                           try vm.getAttribute(.object(exc), "__traceback__")]))
            }
            let made = try vm.callNow(try vm.getAttribute(logger, "makeRecord"),
                                      [try vm.getAttribute(logger, "name"), level, .str(record.site.file),
                                       .int(record.site.line), .str(record.message), .object(PyTuple(record.args)),
                                       excInfo, .str(record.site.function)])
            try vm.callNow(try vm.getAttribute(logger, "handle"), [made])
            return true
        } catch {
            return false
        }
    }
}

/// `sys._getframe()`'s frame objects and their code objects: read-only views of the
/// running fiber's frames, for the library code that looks at its callers (`warnings`
/// finds the line a warning is about, `logging` the caller of a log call). A frame's
/// `f_back` is the frame below it in the same fiber (in a task, the coroutine awaiting
/// it, as in CPython); the bottom frame's is None. A frame an exception left (a
/// traceback's `tb_frame`, which `Task.get_stack` walks) is seen through its traceback
/// entry: its line is where the exception passed, and it has no `f_back`.
package final class PyFrameObject: PyObject {
    package static let pyClass = PyClass(name: "frame", bases: [BuiltinTypes.object])
    package static let codeClass = PyClass(name: "code", bases: [BuiltinTypes.object])

    private enum Place {
        case live(frames: [Frame], index: Int)
        case unwound(TracebackEntry)
    }
    private let place: Place

    package init(frames: [Frame], index: Int) {
        place = .live(frames: frames, index: index)
    }

    /// A frame of a traceback; nil for an entry that did not record its code.
    package init?(unwound entry: TracebackEntry) {
        guard entry.code != nil else { return nil }
        place = .unwound(entry)
    }

    private var line: Int {
        switch place {
        case let .live(frames, index):
            // A frame that has not started (an unstarted coroutine's) is at its `def`.
            let frame = frames[index]
            return frame.pc == 0 ? frame.code.firstLine : frame.currentLine
        case let .unwound(entry): return entry.line
        }
    }

    private var code: CodeObject? {
        switch place {
        case let .live(frames, index): return frames[index].code
        case let .unwound(entry): return entry.code
        }
    }

    package override var pyClass: PyClass { Self.pyClass }

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "f_back":
            if case let .live(frames, index) = place, index > 0 { return .object(PyFrameObject(frames: frames, index: index - 1)) }
            return Value.none
        case "f_lineno": return .int(line)
        case "f_code": return code.map { .object(PyCodeView($0)) } ?? Value.none
        // A copy of the module's namespace: reading works, writing to it changes nothing.
        case "f_globals":
            let d = PyDict()
            let globals: PyModule?
            switch place {
            case let .live(frames, index): globals = frames[index].globals
            case let .unwound(entry): globals = entry.globals
            }
            if let globals { for (key, value) in globals.attributes { d.set(.str(key), value) } }
            return .object(d)
        default: return nil
        }
    }

    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        "<frame, file '\(code?.filename ?? "")', line \(line), code \(code?.name ?? "")>"
    }
}

/// A code object's names and place.
package final class PyCodeView: PyObject {
    package let code: CodeObject
    package init(_ code: CodeObject) { self.code = code }

    package override var pyClass: PyClass { PyFrameObject.codeClass }

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "co_filename": return .str(code.filename)
        case "co_name": return .str(code.name)
        case "co_qualname": return .str(code.qualname)
        case "co_firstlineno": return .int(code.firstLine)
        default: return nil
        }
    }
}

extension Interpreter {
    /// The frames below a running coroutine's: those of the fibers `execute` started
    /// before the one `frame` is the bottom of (what CPython's `f_back` reaches from a
    /// running task's coroutine: the code that runs the event loop), outermost first.
    /// nil when no running fiber starts with `frame`.
    package func framesBelow(runningCoroutineFrame frame: Frame) -> [Frame]? {
        guard let index = runningFibers.lastIndex(where: { $0.frames.first === frame }) else { return nil }
        return runningFibers[..<index].flatMap(\.frames)
    }

    /// `sys._getframe(depth)`: the frame `depth` calls below the caller's.
    /// The frames `sys._getframe` walks: the current fiber's, continued by the fibers
    /// below it that native code started (`isinstance` calling `__instancecheck__`, an
    /// import running a module), as CPython's `f_back` crosses C calls; a task's fiber
    /// (its bottom frame a coroutine's) ends the walk.
    package func getFrame(_ depth: Int) throws -> PyFrameObject {
        var frames = currentFiber?.frames ?? []
        if let current = currentFiber, let top = runningFibers.lastIndex(where: { $0 === current }) {
            var index = top
            while index > 0, let bottom = runningFibers[index].frames.first, bottom.coroutine == nil, bottom.asyncGenerator == nil {
                index -= 1
                frames.insert(contentsOf: runningFibers[index].frames, at: 0)
            }
        }
        let index = frames.count - 1 - depth
        guard depth >= 0, index >= 0 else {
            throw PythonError(makeException(BuiltinTypes.valueError, "call stack is not deep enough"))
        }
        return PyFrameObject(frames: frames, index: index)
    }
}

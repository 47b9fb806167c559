/// `sys._getframe()`'s frame objects and their code objects: read-only views of the
/// running fiber's frames, for the library code that looks at its callers (`warnings`
/// finds the line a warning is about, `logging` the caller of a log call). A frame's
/// `f_back` is the frame below it in the same fiber (in a task, the coroutine awaiting
/// it, as in CPython); the bottom frame's is None.
package final class PyFrameObject: PyObject {
    package static let pyClass = PyClass(name: "frame", bases: [BuiltinTypes.object])
    package static let codeClass = PyClass(name: "code", bases: [BuiltinTypes.object])

    package let frames: [Frame]
    package let index: Int
    package var frame: Frame { frames[index] }

    package init(frames: [Frame], index: Int) {
        self.frames = frames
        self.index = index
    }

    package override var pyClass: PyClass { Self.pyClass }

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "f_back": return index > 0 ? .object(PyFrameObject(frames: frames, index: index - 1)) : Value.none
        case "f_lineno": return .int(frame.currentLine)
        case "f_code": return .object(PyCodeView(frame.code))
        // A copy of the module's namespace: reading works, writing to it changes nothing.
        case "f_globals":
            let d = PyDict()
            for (key, value) in frame.globals.attributes { d.set(.str(key), value) }
            return .object(d)
        default: return nil
        }
    }

    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        "<frame, file '\(frame.code.filename)', line \(frame.currentLine), code \(frame.code.name)>"
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
    /// `sys._getframe(depth)`: the frame `depth` calls below the caller's.
    package func getFrame(_ depth: Int) throws -> PyFrameObject {
        let frames = currentFiber?.frames ?? []
        let index = frames.count - 1 - depth
        guard depth >= 0, index >= 0 else {
            throw PythonError(makeException(BuiltinTypes.valueError, "call stack is not deep enough"))
        }
        return PyFrameObject(frames: frames, index: index)
    }
}

import ScenarioLanguage

/// One bytecode instruction. The set follows CPython's opcodes where the idea is the same
/// (LOAD_FAST, STORE_ATTR, FOR_ITER, PUSH_EXC_INFO, ...), simplified: exception handlers
/// use a block stack (as CPython ≤ 3.10 did) instead of 3.11's exception table.
public enum Instruction {
    case loadConst(Int)
    case loadFast(Int)
    case storeFast(Int)
    case deleteFast(Int)
    /// Cells: the code's cell variables first, then its free variables.
    case loadDeref(Int)
    case storeDeref(Int)
    case loadGlobal(Int)
    case storeGlobal(Int)
    /// Class bodies: the class namespace, then globals and builtins.
    case loadName(Int)
    case storeName(Int)
    /// `del name` of a global, a cell or a class-body name.
    case deleteGlobal(Int)
    case deleteDeref(Int)
    case deleteName(Int)
    case deleteAttr(Int)
    case loadAttr(Int)
    /// `obj.name` about to be called (CPython's `LOAD_METHOD`): [obj] -> [function, obj]
    /// when `name` is a function found on an instance's class (no bound method is made),
    /// else [NULL, attribute], NULL being the unbound-local marker.
    case loadMethod(Int)
    case storeAttr(Int)
    case loadSubscript
    /// [lower, upper, step] -> slice
    case buildSlice
    case storeSubscript
    case deleteSubscript

    case pop
    case dup
    /// Duplicate the top two values: [a, b] -> [a, b, a, b].
    case dup2
    /// Swap the top two values.
    case rot2
    /// Lift the second and third values: [a, b, c] -> [c, a, b].
    case rot3

    case binary(BinaryOperator)
    /// `x op= y`: in place for lists (`+=` extends), otherwise as `binary`.
    case inplace(BinaryOperator)
    case unary(UnaryOperator)
    case compare(CompareOperator)

    case jump(Int)
    case popJumpIfFalse(Int)
    case popJumpIfTrue(Int)
    case jumpIfFalseOrPop(Int)
    case jumpIfTrueOrPop(Int)

    case buildList(Int)
    case buildTuple(Int)
    case buildDict(Int)
    case buildSet(Int)
    /// Add TOS to the set `depth` entries below it (set comprehensions).
    case setAdd(Int)
    /// [key, value] -> dict `depth` entries below them gets `key: value` (dict comprehensions).
    case mapAdd(Int)
    /// Add the items of the iterable TOS to the set below it (`{*a, *b}`).
    case setUpdate
    case listToTuple
    /// Append TOS to the list `depth` entries below it (comprehensions).
    case listAppend(Int)
    /// Concatenate the top n strings (f-strings).
    case buildString(Int)
    /// f-string replacement field: conversion (ASCII "r", "s", "a", or 0 for none), with a
    /// spec string on top of the value when `hasSpec`. (A byte, not a Character, keeps
    /// `Instruction` a plain value the dispatch loop copies without reference counting.)
    case formatValue(conversion: UInt8, hasSpec: Bool)
    case unpackSequence(Int)
    /// `a, *rest, b = value`: `before` values, a list of the rest, `after` values.
    case unpackEx(before: Int, after: Int)

    case getIter
    /// Push the iterator's next value, or pop the iterator and jump when it is exhausted.
    case forIter(Int)

    /// Call with `argc` positional arguments.
    case call(Int)
    /// `await f(args)`: `call` then `await`, fused. When `f` is an `async def`, its frame
    /// runs directly on the awaiting fiber and no coroutine object is made: nothing can
    /// observe it, since the await consumes it at once.
    case callAwait(Int)
    /// `call` and `callAwait` after `loadMethod`: [function, obj, args] calls with `obj` as
    /// the first of `argc + 1` arguments; [NULL, callable, args] calls with `argc`.
    case callMethod(Int)
    case callMethodAwait(Int)
    /// Call with `argc` values on the stack, the last `names.count` of which are keyword
    /// arguments named by the constant tuple of strings at `kwNames`.
    case callKw(argc: Int, kwNames: Int)
    /// Call with an args tuple and a kwargs dict (after `*args` / `**kw` in the call).
    case callEx
    /// Extend the list below TOS with the iterable TOS (building `*args`).
    case listExtend
    /// Merge the mapping TOS into the dict below it, for the keywords of a call with
    /// `*args` / `**kw` (CPython's `DICT_MERGE`: a repeated key is an error naming the
    /// callee, which sits below the positional arguments' list).
    case dictMerge
    /// `{**d}` in a display: update the dict below TOS from the mapping TOS
    /// (CPython's `DICT_UPDATE`).
    case dictUpdate

    /// Build a function from the code object constant `code`: below it on the stack are
    /// `defaults` positional default values, then (with `hasKwDefaults`) a dict of
    /// keyword-only defaults, then (with `hasAnnotations`) the `__annotations__` dict,
    /// then `closure` cells.
    case makeFunction(code: Int, defaults: Int, hasKwDefaults: Bool, hasAnnotations: Bool, closure: Int)
    /// Push the cell (not its contents) for closure building.
    case loadClosure(Int)
    /// Build a class named by `names[name]` from `bases` classes, then the values of the
    /// class keywords named by the tuple `constants[kwNames]` (`metaclass=M`, arguments
    /// for `__init_subclass__`), all above the body function (CPython's `__build_class__`).
    case buildClass(name: Int, bases: Int, kwNames: Int)

    case returnValue
    /// `await TOS`: run a coroutine inline, or yield a pending future to the task.
    case await
    /// `yield TOS` in a generator or async generator: suspends the frame; on resuming,
    /// the value sent (or None) is pushed.
    case yieldValue
    /// `yield from`: TOS becomes its iterator (a generator stays itself).
    case getYieldFromIter
    /// One step of `yield from` (CPython's `SEND`): [iter, value] -> [iter, yielded]
    /// when the iterator yields (a `yieldValue` follows), or [result] and a jump to
    /// `target` when it returns.
    case send(Int)
    /// `async for`: [iterable] -> [aiter] (`__aiter__`).
    case getAIter
    /// `async for`: [aiter] -> [aiter, awaitable] (`__anext__()`; an `await` follows).
    case getANext
    /// End of an `async for` (the handler of its `__anext__` await): [aiter, exc] ->
    /// [] when exc is StopAsyncIteration, else re-raise exc.
    case endAsyncFor

    /// `with` / `async with`: [mgr] -> [exit, enter], both bound to `mgr`, or CPython's
    /// TypeError when `mgr` lacks them.
    case beforeWith(isAsync: Bool)
    case setupExcept(Int)
    case setupFinally(Int)
    case popBlock
    /// Entering a handler: [exc] -> [previously handled exception, exc].
    case pushExcInfo
    /// Leaving a handler normally: pop the saved exception and make it current again.
    case popExcept
    /// Re-raise TOS (an exception) without adding a traceback entry.
    case reraise
    /// Leave a `finally` entered by an exception: [prev, exc] -> restore prev, re-raise exc.
    case endFinally
    /// `raise` (0), `raise X` (1), `raise X from Y` (2).
    case raise(Int)
    /// [exc, type] -> [exc, bool]
    case checkExcMatch

    /// `import NAME` / `from ..NAME import`: import the module (`level` leading dots) and
    /// push it, or with `top` the top-level package (`import a.b` binds `a`).
    case importName(Int, level: Int, top: Bool)
    /// `from M import NAME`: [module] -> [module, value] (a submodule when M has no
    /// attribute NAME).
    case importFrom(Int)
    /// `from M import *`: [module] -> [], binding its public names in the globals.
    case importStar
    /// `assert` failure: [message?] -> raise AssertionError.
    case raiseAssertion(hasMessage: Bool)
    /// A `case` pattern (`CodeObject.patterns[i]`): [subject, expression values...] ->
    /// [captured values..., True] on a match, [False] otherwise.
    case matchPattern(Int, expressions: Int)
    /// `try`/`except*` (see `ExceptStarState`): [exc] -> [state].
    case exceptStarBegin
    /// [state, type] -> [state, match, True] when part of what is left matches, else
    /// [state, False].
    case exceptStarMatch
    /// An `except*` clause raised: [state, exc] -> [state].
    case exceptStarRaised
    /// [state] -> []; raises what the clauses raised and what none handled, if anything.
    case exceptStarEnd
}

/// A compiled function, module or class body.
public final class CodeObject {
    public let name: String
    public let qualname: String
    public let filename: String
    public let firstLine: Int
    /// Code of the built-in asyncio prelude (left out of tracebacks and trace lines).
    public let isLibrary: Bool
    public var instructions: [Instruction] = []
    public var lines: [Int32] = []
    /// The instructions' full positions (CPython's `co_positions()`), run-length coded:
    /// each run starts at an instruction and lasts until the next run. Only tracebacks
    /// read them, so they are kept compact rather than indexed by instruction.
    package var positionRuns: [PositionRun] = []
    public var constants: [Value] = []
    /// The `case` patterns of the code's `match` statements.
    package var patterns: [MatchPattern] = []
    public var names: [String] = []
    public var localNames: [String] = []
    public var cellNames: [String] = []
    public var freeNames: [String] = []
    /// For each cell variable that is also a parameter: the parameter's local slot.
    public var cellParameters: [(cell: Int, local: Int)] = []

    public var argCount = 0
    /// How many of the `argCount` positional parameters come before a `/`.
    public var posOnlyCount = 0
    /// The body's leading string literal (`__doc__`); lambdas have none.
    public var docstring: String?
    public var defaultCount = 0
    public var kwOnlyNames: [String] = []
    public var hasVarargs = false
    public var hasKwargs = false
    /// `async def` without `yield`: calling it makes a coroutine.
    public var isCoroutine = false
    /// `def` with `yield` (and generator expressions): calling it makes a generator.
    public var isGenerator = false
    /// `async def` with `yield`: calling it makes an async generator.
    public var isAsyncGenerator = false
    /// Only positional parameters and no cells: calls can bind arguments by position alone.
    public var isSimple: Bool {
        !hasVarargs && !hasKwargs && kwOnlyNames.isEmpty && cellNames.isEmpty && freeNames.isEmpty
    }
    public var isClassBody = false
    public var isModule = false

    public init(name: String, qualname: String, filename: String, firstLine: Int, isLibrary: Bool = false) {
        self.name = name
        self.qualname = qualname
        self.filename = filename
        self.firstLine = firstLine
        self.isLibrary = isLibrary
    }

    /// The names of parameters, in slot order (positional, *args, keyword-only, **kwargs).
    public var parameterCount: Int {
        argCount + (hasVarargs ? 1 : 0) + kwOnlyNames.count + (hasKwargs ? 1 : 0)
    }

    /// `LOAD_GLOBAL`'s inline cache: per name, the value found and the module and
    /// builtins versions it is valid for.
    package struct GlobalCacheEntry {
        package var module: ObjectIdentifier?
        package var moduleVersion = 0
        package var builtinsVersion = 0
        package var value: Value = .none
    }

    /// The same for `LOAD_GLOBAL`, holding an object without a reference count, as
    /// CPython's inline cache holds a dict version rather than the object: the cache
    /// must not keep a global alive after `del` or a rebinding (weakref callbacks, a
    /// future's "never retrieved" report). While the versions match, the module (or
    /// builtins) still binds the value, so it is alive; `pin`, never read, keeps the
    /// module's memory, so no other module can take its address and match.
    package struct UnretainedGlobalEntry {
        package var module: ObjectIdentifier?
        package unowned(safe) var pin: PyModule?
        package var moduleVersion = 0
        package var builtinsVersion = 0
        /// A value that is not an object, or nil.
        package var plain: Value = .none
        package var object: Unmanaged<PyObject>?

        package init() {}

        package init(module: PyModule, builtinsVersion: Int, value: Value) {
            self.module = ObjectIdentifier(module)
            self.pin = module
            self.moduleVersion = module.version
            self.builtinsVersion = builtinsVersion
            if case .object(let o) = value { object = Unmanaged.passUnretained(o) } else { plain = value }
        }

        @inline(__always)
        package var value: Value {
            if let object { return .object(object.takeUnretainedValue()) }
            return plain
        }
    }
    package var globalCache: [UnretainedGlobalEntry] = []
    /// `LOAD_ATTR` on modules, cached the same way.
    package var attributeCache: [GlobalCacheEntry] = []

    public func line(at pc: Int) -> Int {
        pc >= 0 && pc < lines.count ? Int(lines[pc]) : firstLine
    }

    /// The position of the instruction at `pc` (the last run starting at or before it).
    public func position(at pc: Int) -> CodePosition {
        var low = 0, high = positionRuns.count
        while low < high {
            let mid = (low + high) / 2
            if Int(positionRuns[mid].start) <= pc { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? positionRuns[low - 1].position : CodePosition(line: line(at: pc))
    }

    /// Gives the last instruction `position` instead of the one it was emitted with.
    package func relocateLast(_ position: CodePosition) {
        let pc = instructions.count - 1
        guard pc >= 0 else { return }
        if let last = positionRuns.last, Int(last.start) == pc {
            positionRuns.removeLast()
        }
        notePosition(position, at: pc)
    }

    /// Records `position` for the instruction about to be appended at `pc`.
    package func notePosition(_ position: CodePosition, at pc: Int) {
        if let last = positionRuns.last, last.position == position { return }
        positionRuns.append(PositionRun(start: Int32(pc), position: position))
    }
}

/// Where an instruction comes from: the range of the expression or statement whose code
/// it is, as CPython's compiler records it (`co_positions()`: line, end line, column, end
/// column). Columns are 0-based and counted in Unicode scalars (CPython counts UTF-8
/// bytes; the tracebacks that read them convert back to characters). A position with
/// no columns (`column < 0`) knows only its line, as CPython's `None` columns.
public struct CodePosition: Equatable, Sendable {
    public var line: Int32
    public var endLine: Int32
    public var column: Int32
    public var endColumn: Int32

    public init(line: Int, endLine: Int, column: Int, endColumn: Int) {
        self.line = Int32(clamping: line)
        self.endLine = Int32(clamping: endLine)
        self.column = Int32(clamping: column)
        self.endColumn = Int32(clamping: endColumn)
    }

    /// A line without columns.
    public init(line: Int) {
        self.init(line: line, endLine: line, column: -1, endColumn: -1)
    }

    /// The range of an AST node (1-based columns there).
    public init(_ range: SourceRange) {
        self.init(line: range.start.line, endLine: range.end.line,
                  column: range.start.column - 1, endColumn: range.end.column - 1)
    }

    public var hasColumns: Bool { column >= 0 && endColumn >= 0 }
}

package struct PositionRun {
    package var start: Int32
    package var position: CodePosition
}

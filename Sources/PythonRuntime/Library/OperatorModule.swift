/// `_operator`, the C accelerator CPython's Lib/operator.py imports its functions from
/// (`from _operator import *`): loopscope provides the ones whose pure-Python definition
/// behaves differently from the C one — `index` (`PyNumber_Index`: a TypeError for what
/// has no `__index__`, where the Python `a.__index__()` raises AttributeError). The rest
/// stay operator.py's pure-Python definitions, which give the same results.
enum OperatorModule {
    static func make(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_operator")
        module.attributes["__name__"] = .str("_operator")
        module.attributes["__doc__"] = .str("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.")
        module.attributes["index"] = vm.nativeFunction("index", owner: nil, .oneArgument) { vm, args, _ in
            guard let index = try vm.pythonIndex(args[0]) else {
                throw vm.typeError("'\(args[0].typeName)' object cannot be interpreted as an integer")
            }
            return index
        }
        return module
    }
}

/// `functools.partial`, as wait_for uses it (compared by identity).
final class PyPartial: PyObject {
    let function: Value
    let args: [Value]
    let kwargs: [(String, Value)]
    init(function: Value, args: [Value], kwargs: [(String, Value)]) {
        self.function = function
        self.args = args
        self.kwargs = kwargs
    }
}

/// `functools.partial`, as wait_for uses it (compared by identity).
package final class PyPartial: PyObject {
    package let function: Value
    package let args: [Value]
    package let kwargs: [(String, Value)]
    package init(function: Value, args: [Value], kwargs: [(String, Value)]) {
        self.function = function
        self.args = args
        self.kwargs = kwargs
    }
}

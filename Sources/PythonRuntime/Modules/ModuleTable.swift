/// `sys.modules`: the modules imported so far, by absolute name, in a dict the program
/// can read and change (`sys.modules[__name__]`, `'json' in sys.modules`, a module put
/// there by hand is what a later import finds), as importlib keeps it.
package final class ModuleTable {
    package let dict = PyDict()

    /// The module imported as `name` (nil when none is, or what is there is not a module).
    package subscript(name: String) -> PyModule? {
        get { dict.get(.str(name))?.asObject as? PyModule }
        set {
            if let newValue { dict.set(.str(name), .object(newValue)) } else { dict.remove(.str(name)) }
        }
    }

    /// The modules by name, in the order they were imported.
    package var entries: [(name: String, module: PyModule)] {
        dict.entries.compactMap { key, value in
            guard case .str(let name) = key, let module = value.asObject as? PyModule else { return nil }
            return (name, module)
        }
    }
}

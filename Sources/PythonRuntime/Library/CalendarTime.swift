#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `time.localtime`, `time.gmtime`, `time.strftime` and `time.struct_time`, on C's own
/// functions as CPython's `timemodule.c` uses them: a time given in seconds (by default
/// the virtual clock's, as `time.time()` returns) in this machine's time zone, so
/// `logging`'s `%(asctime)s` shows the date CPython shows for the same clock value.
package final class PyStructTime: PyObject {
    package static let pyClass = PyClass(name: "struct_time", bases: [BuiltinTypes.object], module: "time")
    package static let fieldNames = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"]

    /// The nine fields as Python numbers them (month 1-12, Monday 0, yday 1-366).
    package let fields: [Int]
    package let zone: String
    package let gmtoff: Int

    package init(_ t: tm) {
        fields = [Int(t.tm_year) + 1900, Int(t.tm_mon) + 1, Int(t.tm_mday), Int(t.tm_hour), Int(t.tm_min),
                  Int(t.tm_sec), (Int(t.tm_wday) + 6) % 7, Int(t.tm_yday) + 1, Int(t.tm_isdst)]
        zone = t.tm_zone.map { String(cString: $0) } ?? ""
        gmtoff = Int(t.tm_gmtoff)
    }

    package init(fields: [Int], zone: String, gmtoff: Int) {
        self.fields = fields
        self.zone = zone
        self.gmtoff = gmtoff
    }

    /// `structseq_new`: `time.struct_time(seq)` from 9 to 11 items (the nine fields, then
    /// `tm_zone` and `tm_gmtoff`), as `datetime`'s `_build_struct_time` makes one. The
    /// fields here are ints (what every caller gives).
    package static func construct(_ vm: Interpreter, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        _ = try vm.bindNative("struct_time", .positional(min: 1, max: 2), args, kwargs)
        return .object(try make(try vm.iterate(args[0]), vm))
    }

    /// A struct_time of 9 to 11 items, with `structseq_new`'s errors.
    package static func make(_ items: [Value], _ vm: Interpreter) throws -> PyStructTime {
        guard items.count >= 9 else {
            throw vm.typeError("time.struct_time() takes an at least 9-sequence (\(items.count)-sequence given)")
        }
        guard items.count <= 11 else {
            throw vm.typeError("time.struct_time() takes an at most 11-sequence (\(items.count)-sequence given)")
        }
        var fields: [Int] = []
        for item in items.prefix(9) {
            guard let index = try vm.pythonIndex(item), let n = vm.intValue(index) else {
                throw vm.typeError("'\(item.typeName)' object cannot be interpreted as an integer")
            }
            fields.append(n)
        }
        var zone = "", gmtoff = 0
        if items.count > 9, case .str(let z) = items[9] { zone = z }
        if items.count > 10, case .int(let g) = items[10] { gmtoff = g }
        return PyStructTime(fields: fields, zone: zone, gmtoff: gmtoff)
    }

    package override var pyClass: PyClass { Self.pyClass }

    /// A struct_time is a tuple of its nine fields: unpacked, indexed and sliced as one.
    package override var iterationItems: [Value]? { fields.map { .int($0) } }

    package override func nativeGetItem(_ key: Value, _ vm: Interpreter) throws -> Value? {
        try vm.getItem(.object(PyTuple(fields.map { .int($0) })), key)
    }

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        if let i = Self.fieldNames.firstIndex(of: name) { return .int(fields[i]) }
        switch name {
        case "tm_zone": return .str(zone)
        case "tm_gmtoff": return .int(gmtoff)
        case "n_fields": return .int(11)
        default: return nil
        }
    }

    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        "time.struct_time(" + zip(Self.fieldNames, fields).map { "\($0)=\($1)" }.joined(separator: ", ") + ")"
    }

    /// The C `struct tm` for `strftime` (`gettmarg`).
    package var cTime: tm {
        var t = tm()
        t.tm_year = Int32(fields[0] - 1900)
        t.tm_mon = Int32(fields[1] - 1)
        t.tm_mday = Int32(fields[2])
        t.tm_hour = Int32(fields[3])
        t.tm_min = Int32(fields[4])
        t.tm_sec = Int32(fields[5])
        t.tm_wday = Int32((fields[6] + 1) % 7)
        t.tm_yday = Int32(fields[7] - 1)
        t.tm_isdst = Int32(fields[8])
        t.tm_gmtoff = gmtoff
        return t
    }
}

package enum CalendarTime {
    /// Installs `localtime`, `gmtime`, `strftime` and `struct_time` into `time`; `now` is
    /// the clock `time.time()` reads.
    package static func install(into module: PyModule, _ vm: Interpreter, now: @escaping () -> Double) {
        module.attributes["struct_time"] = .object(PyStructTime.pyClass)
        vm.nativeConstructors[ObjectIdentifier(PyStructTime.pyClass)] = PyStructTime.construct
        for (name, local) in [("localtime", true), ("gmtime", false)] {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .positional(min: 0, max: 1)) { vm, args, _ in
                let seconds: Double
                if let arg = args.first, !arg.isNone {
                    guard let d = arg.numericValue, arg.asObject == nil || arg.isBigInteger else {
                        throw vm.typeError("'\(arg.typeName)' object cannot be interpreted as an integer")
                    }
                    seconds = d
                } else {
                    seconds = now()
                }
                guard seconds.isFinite, abs(seconds) < 1e17 else {
                    throw PythonError(vm.makeException(BuiltinTypes.overflowError, "timestamp out of range for platform time_t"))
                }
                // `_PyTime_ObjectToTime_t(..., _PyTime_ROUND_FLOOR)`
                var t = time_t(seconds.rounded(.down))
                var result = tm()
                if local { localtime_r(&t, &result) } else { gmtime_r(&t, &result) }
                return .object(PyStructTime(result))
            }
        }
        module.attributes["strftime"] = vm.nativeFunction("strftime", owner: nil, .positional(min: 1, max: 2)) { vm, args, _ in
            guard case .str(let format) = args[0] else {
                throw vm.typeError("strftime() argument 1 must be str, not \(args[0].typeName)")
            }
            var t: tm
            if args.count > 1 {
                // `gettmarg`: a struct_time, or a tuple of its nine fields.
                if let given = args[1].asObject as? PyStructTime {
                    t = given.cTime
                } else if let tuple = args[1].asObject as? PyTuple {
                    guard tuple.items.count == 9 else {
                        throw vm.typeError("strftime(): illegal time tuple argument")
                    }
                    t = try PyStructTime.make(tuple.items, vm).cTime
                } else {
                    throw vm.typeError("Tuple or struct_time argument required")
                }
            } else {
                var seconds = time_t(now().rounded(.down))
                t = tm()
                localtime_r(&seconds, &t)
            }
            if format.isEmpty { return .str("") }
            // As timemodule.c: grow the buffer until the result fits (an empty result of a
            // non-empty format may be a result too big: give up at 256 times the format).
            var size = 1024
            while true {
                var buffer = [CChar](repeating: 0, count: size)
                let n = strftime(&buffer, size, format, &t)
                if n > 0 || size >= 256 * max(format.utf8.count, 1) {
                    return .str(String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self))
                }
                size *= 2
            }
        }
    }
}

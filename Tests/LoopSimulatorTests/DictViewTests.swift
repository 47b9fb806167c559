import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `dict.keys()`, `.values()`, `.items()` as live views. Expected output from CPython 3.11.
@Suite("Dict views")
struct DictViewTests {
    @Test func viewsAreLiveAndSetLike() {
        let src = """
        d = {"a": 1, "b": 2, "c": 3}
        k, v, i = d.keys(), d.values(), d.items()
        print(k, v, i, len(k), type(k).__name__)
        d["d"] = 4
        print(k, list(v), ("a", 1) in i, ("a", 2) in i, "d" in k, 4 in v)
        print(k & {"a", "z"}, sorted(k | ["x"]), sorted(k - {"a"}), sorted(k ^ {"a", "q"}), {"b"} & k, sorted(["a", "e"] - k))
        print(k == {"a", "b", "c", "d"}, k == ["a", "b", "c", "d"], v == v, i >= {("a", 1)}, k < {"a", "b", "c", "d", "e"})
        print(list(reversed(k)), list(reversed(d.items())), sorted(d.items(), key=lambda kv: -kv[1]))
        for key, val in d.items():
            pass
        print(key, val, bool({}.keys()), max(d.values()), dict(d.items()) == d)
        try:
            hash(k)
        except TypeError as e:
            print(e)
        try:
            d.keys()[0]
        except TypeError as e:
            print(e)
        print(sorted(set(d.keys()) - set("ab")), sorted(i - {("a", 1)}), {**d}.keys() == d.keys())
        e = {}
        ev = e.values()
        e[1] = [1, 2]
        print(ev, repr(e.items()))
        """
        let r = simulate(src)
        #expect(r.stdout + r.stderr == "dict_keys(['a', 'b', 'c']) dict_values([1, 2, 3]) dict_items([('a', 1), ('b', 2), ('c', 3)]) 3 dict_keys\ndict_keys(['a', 'b', 'c', 'd']) [1, 2, 3, 4] True False True True\n{'a'} ['a', 'b', 'c', 'd', 'x'] ['b', 'c', 'd'] ['b', 'c', 'd', 'q'] {'b'} ['e']\nTrue False True True True\n['d', 'c', 'b', 'a'] [('d', 4), ('c', 3), ('b', 2), ('a', 1)] [('d', 4), ('c', 3), ('b', 2), ('a', 1)]\nd 4 False 4 True\nunhashable type: 'dict_keys'\n'dict_keys' object is not subscriptable\n['c', 'd'] [('b', 2), ('c', 3), ('d', 4)] True\ndict_values([[1, 2]]) dict_items([(1, [1, 2])])\n")
    }
}

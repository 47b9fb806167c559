import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `map`, `filter`, `zip`, `enumerate` and `reversed` are types, as in CPython 3.11.
@Suite("Lazy iterator types")
struct LazyIteratorTypeTests {
    static let program = #"""
m = map(str, [1, 2])
print(isinstance(m, map), type(m).__name__, repr(m).startswith('<map object at 0x'), type(m) is map)
print(map, filter, zip, enumerate, reversed, type(map))
print(isinstance(filter(None, []), filter), isinstance(zip(), zip), isinstance(enumerate([]), enumerate))
print(isinstance(reversed((1, 2)), reversed), type(reversed([1])).__name__, type(reversed("ab")).__name__)
for bad in (lambda: list(zip([1], [2, 3], strict=True)), lambda: list(zip([1, 2], [2], strict=True)),
            lambda: list(zip([1, 2], [2, 3], [4], strict=True)), lambda: zip([1], foo=1),
            lambda: map(str), lambda: map(str, [1], x=1), lambda: filter(None), lambda: filter(None, [], x=1),
            lambda: enumerate(), lambda: enumerate([], 1, 2), lambda: enumerate([], start='a'),
            lambda: reversed(), lambda: reversed([], x=1), lambda: reversed({1}), lambda: map(1, [1]).__next__(),
            lambda: zip(1), lambda: enumerate(5)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(list(enumerate("ab", start=5)), list(enumerate(iterable="ab")))
print([n for n in dir(m) if n in ('__iter__', '__next__', '__class__', '__new__')])
for v in (m, filter(None, [1]), zip([1]), enumerate([1]), reversed((1,))):
    d = dir(v)
    print(type(v).__name__, '__next__' in d, '__iter__' in d, len(d) > 20)
class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return i * 10, v
print(list(E("abc")), isinstance(E("a"), enumerate), type(E("a")).__name__)
class Z(zip):
    label = 'z'
    def pairs(self):
        return list(self)
z = Z([1, 2], 'ab')
z.extra = 3
print(z.pairs(), z.label, z.extra, isinstance(z, zip), repr(z).startswith('<__main__.Z object at 0x'))
class Rev(reversed):
    pass
print(type(Rev([1, 2])).__name__, type(Rev((1, 2))).__name__, list(Rev((1, 2))))
class M(map):
    def __iter__(self):
        return iter([9])
print(list(M(str, [1])))
print(next(map(lambda a, b: a + b, [1], [2])), next(iter(filter(None, [0, 3]))))
print(map.__name__, map.__qualname__, zip.__module__)
print(list(enumerate('ab', 2**64)), list(enumerate('ab', 2**63 - 1)), list(enumerate(iterable=[], start=2**70)))
for f in (lambda: enumerate([], x=1), lambda: enumerate(start=1), lambda: enumerate([], 1, start=2)):
    try:
        print(f())
    except TypeError as e:
        print(e)
for i, v in E("xy"):
    print(i, v, end=' ')
print(type(Rev("ab")).__name__, list(Rev("ab")), [x for x in map(abs, (-1, -2))], dict(zip("ab", (1, 2))))
"""#

    @Test("isinstance, type, repr, constructor errors, dir and subclasses as CPython's")
    func sameAsCPython() throws {
        let reference = try runProcess(["python3", "-c", Self.program])
        try #require(reference.status == 0, "python3 is the reference: \(reference.stderr)")
        let out = simulate(Self.program)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == reference.stdout)
    }
}

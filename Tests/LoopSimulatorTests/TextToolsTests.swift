import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `textwrap`, `shlex` and `fnmatch`, CPython 3.11's Lib files: outputs are CPython's.
@Suite("textwrap, shlex and fnmatch")
struct TextToolsTests {
    @Test("textwrap's width check and max_lines, shlex in posix and punctuation modes, fnmatch's translation")
    func modulesAgreeWithCPython() {
        let out = simulate("""
        import textwrap, shlex, fnmatch
        try:
            textwrap.wrap("abc", width=0)
        except ValueError as e:
            print("ValueError:", e)
        print(textwrap.wrap("one two three", width=7, max_lines=2, placeholder="..."))
        print(shlex.split("a=1 'b c'#x", posix=True), shlex.join(["x y", "z"]))
        lex = shlex.shlex("ls -la | grep 'x y' && echo $HOME", punctuation_chars=True)
        print(list(lex))
        print(fnmatch.translate("[!a-c]*.[ch]"), fnmatch.fnmatch("Main.C", "*.[ch]"))
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        ValueError: invalid width 0 (must be > 0)
        ['one two', 'three']
        ['a=1', 'b c#x'] 'x y' z
        ['ls', '-la', '|', 'grep', "'x y'", '&&', 'echo', '$', 'HOME']
        (?s:[^a-c].*\.[ch])\Z False

        """#)
    }
}

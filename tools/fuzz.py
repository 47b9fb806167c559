#!/usr/bin/env python3
"""fuzz.py - a robustness campaign against the built loopscope binary.

Usage::

    python3 tools/fuzz.py [CASES] [--seed N] [--binary PATH] [--timeout SECONDS] [--keep DIR]

Runs CASES cases (default 200), cycling through five kinds:

* ``program``  - a scenario from Scenarios/ mutated at random (lines dropped, duplicated
  or swapped, tokens replaced by huge, negative, non-finite or odd values, characters
  inserted), then ``check`` and ``run`` with small limits.  A program ``check`` accepts
  must not be refused by ``run`` (exit 2).
* ``trace``    - a recorded trace corrupted at random (bytes flipped, lines truncated,
  duplicated, swapped or dropped, numbers replaced by nan/inf/1e19/-9999999999/2**31-1,
  ids changed), then ``render`` and ``export``; an export never contains a NaN.
* ``deep``     - generated deep and huge inputs (long operator, attribute and call chains,
  elif ladders, nested brackets, containers nested at run time, huge paddings, ranges,
  repetitions), run with small limits.
* ``files``    - ``record`` of a good or a bad program onto an existing file, the input
  itself, a symlink: the existing file is either replaced by a complete trace or left
  byte for byte as it was, and no temporary file is left behind.
* ``keys``     - the interactive UI in tmux at a random size, fed random keys, then
  ``q``: it must exit 0 and give the terminal back (skipped when tmux is missing).

A case fails when loopscope is killed by a signal or reports a Swift runtime crash
(exit status >= 128 or a "Fatal error"/"Backtrace" on stderr), runs past the timeout (a
hang), or breaks one of the rules above.  Failing inputs are kept in --keep (default
/tmp/loopscope-fuzz-failures) with the command that failed.  Exit status 0 when every
case passed, 1 otherwise.  The same seed gives the same cases.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ["program", "trace", "deep", "files", "keys"]
ODD_VALUES = ["0", "-1", "1e308", "-1e308", "float('inf')", "float('nan')", "10**18", "-10**18", "2**63",
              "1e-320", "9007199254740993", "''", "'\\r\\n'", "'e\\u0301'", "None", "[]", "{}", "()"]
TRACE_VALUES = ['"nan"', '"inf"', '"-inf"', "1e19", "-9999999999", "2147483647", "-1", "0", "1e308", '""', "null", "[]"]


class Campaign:
    def __init__(self, args):
        self.binary = os.path.abspath(args.binary)
        self.timeout = args.timeout
        self.keep = args.keep
        self.rng = random.Random(args.seed)
        self.work = tempfile.mkdtemp(prefix="loopscope-fuzz-")
        self.scenarios = sorted(os.path.join(ROOT, "Scenarios", n) for n in os.listdir(os.path.join(ROOT, "Scenarios"))
                                if re.match(r"\d+_.*\.py$", n))
        self.counts = {k: 0 for k in KINDS}
        self.failures = []
        self.traces = []

    # -- running -----------------------------------------------------------------------

    def run(self, arguments, cwd=None):
        """Runs loopscope; returns (status, stdout, stderr) or None on a hang."""
        try:
            p = subprocess.run([self.binary] + arguments, cwd=cwd or self.work, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            return None
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def crashed(self, result):
        if result is None:
            return "hang (no exit within %gs)" % self.timeout
        status, _, err = result
        if status < 0 or status >= 128:
            return "killed by a signal / crashed (status %d)" % status
        if "Fatal error" in err or "Backtrace" in err or "Stack dump" in err:
            return "Swift runtime crash report on stderr"
        return None

    def fail(self, kind, why, files, command):
        n = len(self.failures) + 1
        target = os.path.join(self.keep, "%04d-%s" % (n, kind))
        os.makedirs(target, exist_ok=True)
        for f in files:
            if os.path.isfile(f):
                shutil.copy(f, target)
        with open(os.path.join(target, "COMMAND"), "w") as out:
            out.write("loopscope " + " ".join(command) + "\n" + why + "\n")
        self.failures.append((kind, why, target))

    def check(self, kind, arguments, files, cwd=None):
        result = self.run(arguments, cwd)
        why = self.crashed(result)
        if why:
            self.fail(kind, why, files, arguments)
        return result

    # -- programs ----------------------------------------------------------------------

    def mutate(self, source):
        lines = source.split("\n")
        for _ in range(self.rng.randint(1, 4)):
            choice = self.rng.randrange(7)
            i = self.rng.randrange(len(lines))
            if choice == 0 and len(lines) > 1:
                del lines[i]
            elif choice == 1:
                lines.insert(i, lines[self.rng.randrange(len(lines))])
            elif choice == 2:
                j = self.rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            elif choice == 3:
                lines[i] = re.sub(r"\b\d+(\.\d+)?\b", lambda m: self.rng.choice(ODD_VALUES), lines[i], count=1)
            elif choice == 4 and lines[i]:
                k = self.rng.randrange(len(lines[i]) + 1)
                lines[i] = lines[i][:k] + self.rng.choice(["(", ")", "[", ":", "\\", "'", "\"", "\t", "é", "\u0301", "\r", "{", "}", "*", "await "]) + lines[i][k:]
            elif choice == 5:
                lines[i] = re.sub(r"\b[a-z_]+\b", lambda m: self.rng.choice(["x", "print", "await", "None", "len", "repr", "asyncio"]), lines[i], count=1)
            else:
                lines.insert(i, self.rng.choice(["    pass", "x = [1] * 10**9", "    await asyncio.sleep(1e300)",
                                                 "    raise ValueError", "print(" * 20 + ")" * 20, "del x", "    return"]))
        return "\n".join(lines)

    def case_program(self):
        path = os.path.join(self.work, "mutant.py")
        with open(self.rng.choice(self.scenarios), encoding="utf-8") as f:
            text = self.mutate(f.read())
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        checked = self.check("program", ["check", path], [path])
        limits = ["--max-iterations", "20000", "--max-instructions", "5000000"]
        ran = self.check("program", ["run", path] + limits, [path])
        if checked and ran and checked[0] == 0 and ran[0] == 2:
            self.fail("program", "check accepted it but run refused it (exit 2)", [path], ["run", path] + limits)

    # -- traces ------------------------------------------------------------------------

    def trace_lines(self):
        if not self.traces:
            for scenario in self.scenarios[:12]:
                out = os.path.join(self.work, "good.jsonl")
                r = self.run(["record", scenario, "-o", out, "--max-iterations", "2000"])
                if r and r[0] in (0, 1, 3) and os.path.exists(out):
                    with open(out, "rb") as f:
                        self.traces.append(f.read().split(b"\n"))
        return list(self.rng.choice(self.traces))

    def case_trace(self):
        lines = self.trace_lines()
        for _ in range(self.rng.randint(1, 3)):
            choice = self.rng.randrange(6)
            i = self.rng.randrange(len(lines))
            if choice == 0 and lines[i]:
                b = bytearray(lines[i])
                b[self.rng.randrange(len(b))] = self.rng.randrange(256)
                lines[i] = bytes(b)
            elif choice == 1:
                lines[i] = lines[i][: self.rng.randrange(len(lines[i]) + 1)]
            elif choice == 2:
                lines.insert(i, lines[self.rng.randrange(len(lines))])
            elif choice == 3:
                j = self.rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            elif choice == 4 and len(lines) > 2:
                del lines[i]
            else:
                value = self.rng.choice(TRACE_VALUES).encode()
                lines[i] = re.sub(rb'(?<=":)-?[0-9][0-9.e+-]*', lambda m: value, lines[i], count=1)
        path = os.path.join(self.work, "corrupt.jsonl")
        with open(path, "wb") as f:
            f.write(b"\n".join(lines))
        self.check("trace", ["render", path, "--width", str(self.rng.choice([20, 80, 300])), "--color", "never"], [path])
        out = os.path.join(self.work, "export.json")
        if os.path.exists(out):
            os.remove(out)
        r = self.check("trace", ["export", path, "--format", "chrome", "-o", out], [path])
        if r and r[0] == 0 and os.path.exists(out):
            with open(out, "rb") as f:
                if re.search(rb'"(ts|dur)":\s*"?(nan|-?inf)', f.read(), re.I):
                    self.fail("trace", "export wrote a non-finite time", [path, out], ["export", path])

    # -- deep and huge inputs -----------------------------------------------------------

    def deep_program(self):
        n = self.rng.choice([10, 100, 1000, 2500, 3500, 7000, 20000])
        body = self.rng.choice([
            lambda: "x = " + "+".join(["1"] * n) + "\n    print(x)",
            lambda: "x = 'a'" + ".upper()" * n + "\n    print(x)",
            lambda: "x = " + "(" * min(n, 300) + "1" + ")" * min(n, 300) + "\n    print(x)",
            lambda: "x = 5\n    if x == 0:\n        pass\n" + "".join("    elif x == %d:\n        pass\n" % i for i in range(1, n)),
            lambda: "a = []\n    for _ in range(%d):\n        a = [a]\n    print(len(repr(a)), a == a, sorted([a, [[]]])[0] is a)" % (n * 10),
            lambda: "a = []\n    for _ in range(%d):\n        a = (a, 1)\n    print(hash(a) is not None)" % (n * 10),
            lambda: "print(len('a'.%s(10**%d)))" % (self.rng.choice(["ljust", "rjust", "center", "zfill"]), self.rng.choice([3, 9, 18])),
            lambda: "print(len(f'{1:%d}'))" % self.rng.choice([10, 10**6, 10**9, 10**18]),
            lambda: "r = range(-5*10**18, 5*10**18)\n    print(r[-1], 3 in r)\n    print(len(r))",
            lambda: "s = 'ab'\n    while True:\n        s = s + s",
            lambda: "l = [1]\n    while True:\n        l = l * 2",
            lambda: "from loopscope import cpu\n    cpu(%s)" % self.rng.choice(["1e20", "float('inf')", "float('nan')", "-1"]),
            lambda: "await asyncio.sleep(%s)\n    print('woke')" % self.rng.choice(["2e7", "1e300", "float('inf')", "float('nan')"]),
            lambda: "print(round(9223372036854775807, -19), round(1.7976931348623157e308, -308))",
            lambda: "print('{'.format(1))",
        ])()
        return "import asyncio\n\nasync def main():\n    " + body + "\n\nasyncio.run(main())\n"

    def case_deep(self):
        path = os.path.join(self.work, "deep.py")
        with open(path, "w") as f:
            f.write(self.deep_program())
        self.check("deep", ["run", path, "--max-iterations", "20000", "--max-instructions", "20000000"], [path])

    # -- files -------------------------------------------------------------------------

    def case_files(self):
        directory = tempfile.mkdtemp(dir=self.work)
        precious = os.path.join(directory, "existing.jsonl")
        content = os.urandom(self.rng.randrange(1, 200))
        with open(precious, "wb") as f:
            f.write(content)
        good = self.rng.choice(self.scenarios)
        bad = os.path.join(directory, "bad.py")
        with open(bad, "w") as f:
            f.write("import asyncio\nasync def main(:\n")
        choice = self.rng.randrange(4)
        if choice == 0:
            args, program = ["record", bad, "-o", precious], bad
        elif choice == 1:
            args, program = ["record", good, "-o", precious, "--max-iterations", "2000"], good
        elif choice == 2:
            link = os.path.join(directory, "link.jsonl")
            os.symlink("existing.jsonl", link)
            args, program = ["record", self.rng.choice([good, bad]), "-o", link, "--max-iterations", "2000"], good
        else:
            copy = os.path.join(directory, "mine.py")
            shutil.copy(good, copy)
            args, program = ["record", copy, "-o", copy], copy
        before = open(program, "rb").read()
        r = self.check("files", args, [precious, program], cwd=directory)
        if r is None:
            return
        if open(program, "rb").read() != before:
            self.fail("files", "the input program was changed", [program], args)
        now = open(precious, "rb").read()
        complete = now.rstrip(b"\n").split(b"\n")[-1].startswith(b'{"kind":"end"')
        if now != content and not complete:
            self.fail("files", "the existing output was damaged (neither kept nor a complete trace)", [precious], args)
        if r[0] == 2 and now != content:
            self.fail("files", "a refused record changed the existing output", [precious], args)
        debris = [n for n in os.listdir(directory) if ".loopscope-" in n]
        if debris:
            self.fail("files", "temporary files left behind: %s" % debris, [], args)

    # -- keys --------------------------------------------------------------------------

    def case_keys(self):
        if shutil.which("tmux") is None:
            return
        width, height = self.rng.choice([(1, 1), (10, 5), (20, 8), (30, 10), (50, 8), (80, 24), (200, 60)])
        keys = self.rng.choices(["n", "N", "p", "s", "S", "r", "[", "]", "Home", "End", "g", "1", "2", "3", "4", "5",
                                 "Left", "Right", "Up", "Down", "+", "-", "f", "a", "Tab", "Enter", "l", "?", "Escape",
                                 "BSpace", "x", "0", "e", "."], k=self.rng.randint(5, 60))
        scenario = self.rng.choice(self.scenarios)
        session = "lsfuzz%d" % os.getpid()
        status = os.path.join(self.work, "status")
        if os.path.exists(status):
            os.remove(status)
        command = "%s --ascii %s; echo $? > %s" % (self.binary, scenario, status)
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(width), "-y", str(height),
                        "env TERM=xterm-256color sh -c '%s'" % command], capture_output=True)
        time.sleep(0.5)
        for k in keys:
            subprocess.run(["tmux", "send-keys", "-t", session, k], capture_output=True)
        subprocess.run(["tmux", "send-keys", "-t", session, "Escape"], capture_output=True)
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], capture_output=True)
        deadline = time.time() + self.timeout
        while time.time() < deadline and not os.path.exists(status):
            time.sleep(0.2)
            subprocess.run(["tmux", "send-keys", "-t", session, "q"], capture_output=True)
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        if not os.path.exists(status):
            self.fail("keys", "the UI did not quit (%dx%d, keys %s)" % (width, height, " ".join(keys)), [], [scenario])
            return
        code = open(status).read().strip()
        if code != "0":
            self.fail("keys", "the UI exited %s (%dx%d, keys %s)" % (code, width, height, " ".join(keys)), [], [scenario])

    # -- campaign ----------------------------------------------------------------------

    def campaign(self, cases):
        started = time.time()
        for n in range(cases):
            kind = KINDS[n % len(KINDS)]
            getattr(self, "case_" + kind)()
            self.counts[kind] += 1
            # A large campaign runs for an hour: say how far it is, on stderr.
            if (n + 1) % 50 == 0 and n + 1 < cases:
                print("fuzz: %d of %d cases, %d failures, %.0fs" % (n + 1, cases, len(self.failures),
                                                                  time.time() - started), file=sys.stderr, flush=True)
        shutil.rmtree(self.work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="?", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "loopscope"))
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--keep", default=os.path.join(tempfile.gettempdir(), "loopscope-fuzz-failures"))
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        print("fuzz.py: no loopscope binary at %s (build it first)" % args.binary, file=sys.stderr)
        return 2
    started = time.time()
    c = Campaign(args)
    c.campaign(args.cases)
    summary = ", ".join("%d %s" % (c.counts[k], k) for k in KINDS)
    print("fuzz: %d cases (%s), seed %d, %.0fs: %d failures" % (args.cases, summary, args.seed, time.time() - started,
                                                                len(c.failures)))
    for kind, why, where in c.failures:
        print("  %s: %s (kept in %s)" % (kind, why, where))
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""expected.py - regenerate or check Scenarios/expected/ from tools/vtrun.py.

For every ``Scenarios/NN_name.py`` (a scenario; other ``.py`` files and packages in
``Scenarios/`` are modules the scenarios import, linted but not run) this runs ``python3 tools/vtrun.py Scenarios/NN_name.py``
(from the repository root, so paths in stderr are relative) and stores

* ``Scenarios/expected/NN_name.out``    - the scenario's stdout, byte for byte;
* ``Scenarios/expected/NN_name.status`` - its exit status followed by a newline.

Usage::

    python3 tools/expected.py            # rewrite the expected files (and lint)
    python3 tools/expected.py --check    # exit 1 if any file is stale, missing or extra,
                                         # or a scenario leaves the language subset
    python3 tools/expected.py [--check] Scenarios/06_cpu_burst.py ...   # only these

Both modes also lint every scenario: it must parse as Python and stay inside the
scenario subset of docs/DESIGN ("The scenario language"); a violation is reported as
``FILE:LINE:COL: error: ...`` and makes the exit status 1.
"""

import ast
import os
import re
import subprocess
import sys
import tokenize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCEN = "Scenarios"
EXPECTED = os.path.join(SCEN, "expected")
VTRUN = os.path.join("tools", "vtrun.py")

# Native modules (not under Lib/) a scenario may import.
ALLOWED_IMPORTS = {"asyncio", "time", "random", "math", "cmath", "sys", "unicodedata", "binascii", "atexit"}


def library_modules():
    """The standard-library modules loopscope writes in Python: Lib/'s public top-level
    ``.py`` files and packages (asyncio is native plus its prelude); ``__future__`` is
    public despite its underscores."""
    names = set()
    lib = os.path.join(ROOT, "Lib")
    for n in os.listdir(lib):
        if n.startswith("_") and n != "__future__.py":
            continue
        if n.endswith(".py"):
            names.add(n[:-3])
        elif os.path.isfile(os.path.join(lib, n, "__init__.py")):
            names.add(n)
    return names


def local_modules():
    """Top-level modules the scenarios may import from Scenarios/: its non-scenario
    ``.py`` files and its package directories."""
    names = set()
    for n in os.listdir(os.path.join(ROOT, SCEN)):
        full = os.path.join(ROOT, SCEN, n)
        if n.endswith(".py") and not n[:2].isdigit():
            names.add(n[:-3])
        elif os.path.isfile(os.path.join(full, "__init__.py")):
            names.add(n)
    return names


def module_files():
    """The module files in Scenarios/ (relative to the root), packages included."""
    found = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, SCEN)):
        dirnames[:] = sorted(d for d in dirnames if d not in ("expected", "__pycache__"))
        for n in sorted(filenames):
            rel = os.path.relpath(os.path.join(dirpath, n), ROOT)
            if n.endswith(".py") and not (os.path.dirname(rel) == SCEN and n[:2].isdigit()):
                found.append(rel)
    return found
# "{expr=}" / "{expr=!r}" / "{expr=:fmt}" where '=' is not part of ==, !=, <=, >=
FSTRING_SELF_DOC = re.compile(r"\{[^{}]*[^=!<>{}]=\s*(![rsa])?(:[^{}]*)?\}")

FORBIDDEN = {}


def lint(path):
    """Return a list of error strings for scenario `path`."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    try:
        tree = ast.parse(source, path)
    except SyntaxError as e:
        return [f"{path}:{e.lineno}:{e.offset}: error: {e.msg}"]
    errors = []

    def err(node, what):
        errors.append(f"{path}:{node.lineno}:{node.col_offset + 1}: error: {what}")

    for node in ast.walk(tree):
        kind = type(node)
        if kind in FORBIDDEN and FORBIDDEN[kind]:
            err(node, f"{FORBIDDEN[kind]} are not supported in scenarios")
        allowed = ALLOWED_IMPORTS | library_modules() | local_modules()
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] not in allowed:
                    err(node, f"'import {alias.name}' is not supported in scenarios")
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [a.name for a in node.names]
            if node.module.split(".")[0] not in allowed and (node.module != "loopscope" or names != ["cpu"]):
                err(node, f"'from {node.module} import ...' is not supported in scenarios")
        if isinstance(node, ast.FormattedValue) and node.conversion not in (-1, ord("r"), ord("s")):
            err(node, "f-string conversion is not supported in scenarios")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("id", "hash", "open", "input"):
                err(node, f"'{node.func.id}()' is not allowed in scenarios")
    # f"{x=}" compiles to an ordinary Constant + repr, so look at the f-string tokens
    with open(path, "rb") as f:
        for tok in tokenize.tokenize(f.readline):
            if tok.type == tokenize.STRING and tok.string[:2].lower().count("f"):
                if FSTRING_SELF_DOC.search(tok.string):
                    errors.append(f"{path}:{tok.start[0]}:{tok.start[1] + 1}: error: "
                                  "f-string '=' specifier is not supported in scenarios")
    # header comment: 2-6 comment lines at the top
    header = 0
    for line in source.splitlines():
        if line.startswith("#"):
            header += 1
        else:
            break
    if not 2 <= header <= 6:
        errors.append(f"{path}:1:1: error: header comment must be 2-6 lines (has {header})")
    return errors


def run(path):
    proc = subprocess.run([sys.executable, VTRUN, path], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return proc.stdout, f"{proc.returncode}\n".encode()


def scenario_files(args):
    if args:
        return [os.path.relpath(os.path.abspath(a), ROOT) for a in args]
    names = sorted(n for n in os.listdir(os.path.join(ROOT, SCEN))
                   if n.endswith(".py") and n[:2].isdigit())
    return [os.path.join(SCEN, n) for n in names]


def read(path):
    try:
        with open(os.path.join(ROOT, path), "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main(argv):
    check = "--check" in argv
    args = [a for a in argv[1:] if a != "--check"]
    files = scenario_files(args)
    bad = 0
    wanted = set()
    if not args:
        # Scenarios are named by number; parallel work has landed one number twice.
        by_number = {}
        for path in files:
            by_number.setdefault(os.path.basename(path).split("_", 1)[0], []).append(path)
        for number, paths in sorted(by_number.items()):
            if len(paths) > 1:
                print(f"duplicate scenario number {number}: {', '.join(paths)}", file=sys.stderr)
                bad += 1
        for path in module_files():
            for e in lint(os.path.join(ROOT, path)):
                print(e, file=sys.stderr)
                bad += 1
    for path in files:
        for e in lint(os.path.join(ROOT, path)):
            print(e, file=sys.stderr)
            bad += 1
        stem = os.path.splitext(os.path.basename(path))[0]
        out_path = os.path.join(EXPECTED, stem + ".out")
        status_path = os.path.join(EXPECTED, stem + ".status")
        wanted.update([stem + ".out", stem + ".status"])
        out, status = run(path)
        if check:
            for p, data in ((out_path, out), (status_path, status)):
                if read(p) != data:
                    print(f"stale: {p}", file=sys.stderr)
                    bad += 1
        else:
            os.makedirs(os.path.join(ROOT, EXPECTED), exist_ok=True)
            for p, data in ((out_path, out), (status_path, status)):
                if read(p) != data:
                    with open(os.path.join(ROOT, p), "wb") as f:
                        f.write(data)
                    print(f"wrote {p}")
    if not args:
        for name in sorted(os.listdir(os.path.join(ROOT, EXPECTED))):
            if name not in wanted:
                p = os.path.join(EXPECTED, name)
                if check:
                    print(f"extra: {p} (no such scenario)", file=sys.stderr)
                    bad += 1
                else:
                    os.remove(os.path.join(ROOT, p))
                    print(f"removed {p}")
    if check and not bad:
        print(f"ok: {len(files)} scenarios, expected files up to date")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

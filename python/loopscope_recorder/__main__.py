"""``python3 -m loopscope_recorder -o run.jsonl app.py ARGS...``: run app.py, recording it.

The program runs as ``python3 app.py ARGS...`` would run it: as ``__main__``, with
``sys.argv`` = ``['app.py', ARGS...]``, its directory first on ``sys.path``, its output and
its exceptions untouched (a traceback shows the program's frames only), and its exit status.
The recorder adds nothing to the environment its subprocesses see.

``--max-size SIZE`` (bytes, or 50M, 2G) bounds the trace: it keeps the header and the most
recent events that fit, the events before them dropped (the header says how many).
"""

import os
import sys
import threading


def _usage(message):
    sys.stderr.write("usage: python3 -m loopscope_recorder -o OUT.jsonl [--max-size SIZE] PROGRAM.py [ARGS...]\n"
                     "loopscope recorder: error: %s\n" % message)
    sys.exit(2)


def parse_size(text):
    """Bytes from '50M', '2G', '500K', '1000' (K, M, G, T are powers of 1024, as for
    loopscope's --max-size); None if malformed or under 4 KiB."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    t = text.strip().upper().rstrip("B")
    factor = units.get(t[-1:], 1)
    if t[-1:] in units:
        t = t[:-1]
    try:
        value = float(t)
    except ValueError:
        return None
    size = int(value * factor)
    return size if value == value and 4096 <= size < 10 ** 18 else None


def _parse(argv):
    output = None
    max_size = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--max-size" or a.startswith("--max-size="):
            if a == "--max-size":
                if i + 1 >= len(argv):
                    _usage("--max-size needs a size (50M, 2G)")
                text = argv[i + 1]
                i += 2
            else:
                text = a.split("=", 1)[1]
                i += 1
            max_size = parse_size(text)
            if max_size is None:
                _usage("--max-size: '%s' is not a size of at least 4K (a number of bytes, or with K, M or G: 50M)" % text)
        elif a in ("-o", "--output"):
            if i + 1 >= len(argv):
                _usage("%s needs a file name" % a)
            output = argv[i + 1]
            i += 2
        elif a.startswith("--output="):
            output = a.split("=", 1)[1]
            i += 1
        elif a in ("-h", "--help"):
            sys.stdout.write(__doc__)
            sys.exit(0)
        elif a == "--":
            i += 1
            break
        elif a.startswith("-"):
            _usage("unknown option %s" % a)
        else:
            break
    if output is None:
        _usage("the trace's file is missing (-o OUT.jsonl)")
    if i >= len(argv):
        _usage("the program to record is missing")
    return output, max_size, argv[i], argv[i + 1:]


def _restore_environment():
    """Undoes what `loopscope record` added so the recorder is found: the program and its
    subprocesses see the PYTHONPATH (and sys.path) they would see without it. Returns the
    interpreter as the user named it (`python3`), when loopscope passed it on."""
    named = os.environ.pop("LOOPSCOPE_RECORDER_PYTHON", None)
    added = os.environ.pop("LOOPSCOPE_RECORDER_PATH", None)
    if added is None:
        return named
    original = os.environ.pop("LOOPSCOPE_RECORDER_PYTHONPATH", None)
    if original is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = original
    added = os.path.abspath(added)
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != added]
    return named


def _single_threaded():
    """Whether this process runs one thread (the kernel's count: CPython 3.12 warns about a
    fork with more, and a lock another thread held would stay held in the child)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


def _start_writer(output, max_size):
    """The writer process, in its own session (a Ctrl-C for the program does not reach it).

    Forked while this process has one thread and has not run the program yet: the child
    has the writer's code loaded already, so it costs neither an interpreter's start nor
    its imports (the fixed cost a short program's recording pays, on the same cores). With
    other threads running (a sitecustomize started one), a fresh interpreter is spawned."""
    read_end, write_end = os.pipe()
    if hasattr(os, "fork") and _single_threaded():
        from . import writer  # imported before the fork: the child has it already
        pid = os.fork()
        if pid == 0:
            status = 2
            try:
                os.close(write_end)
                os.setsid()
                # The pipe replaces the program's stdin here, as in a spawned writer.
                os.dup2(read_end, 0)
                os.close(read_end)
                with open(0, "rb", closefd=False) as stream:
                    status = writer.main([output] + ([str(max_size)] if max_size is not None else []), stream)
            except BaseException as e:
                sys.stderr.write("loopscope recorder: the trace writer failed (%s: %s)\n" % (type(e).__name__, e))
                sys.stderr.flush()
            finally:
                os._exit(status)  # never back into the recorder's (the program's) code
        os.close(read_end)
        os.set_blocking(write_end, False)
        return pid, write_end
    # Isolated (-I) and without site (-S: no .pth files to run); the writer is imported as a
    # module, not run as a script, so its compiled bytecode is used like the hooks'.
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    argv = [sys.executable, "-I", "-S", "-c",
            "import sys; sys.path.insert(0, %r); from loopscope_recorder.writer import main; sys.exit(main())"
            % package_parent, output] + ([str(max_size)] if max_size is not None else [])
    try:
        pid = os.posix_spawn(sys.executable, argv, dict(os.environ),
                             file_actions=[(os.POSIX_SPAWN_DUP2, read_end, 0)], setsid=True)
    except (OSError, TypeError, NotImplementedError):
        pid = os.posix_spawn(sys.executable, argv, dict(os.environ),
                             file_actions=[(os.POSIX_SPAWN_DUP2, read_end, 0)])
    os.close(read_end)
    os.set_blocking(write_end, False)
    return pid, write_end


def _program_traceback(tb, code):
    """The traceback from the program's first frame on (the recorder's frames cut off)."""
    while tb is not None and tb.tb_frame.f_code is not code:
        tb = tb.tb_next
    return tb


def main():
    output, max_size, script, args = _parse(sys.argv[1:])
    if sys.version_info < (3, 11):
        sys.stderr.write("loopscope recorder: Python %d.%d is too old; it records CPython 3.11, 3.12 and 3.13\n"
                         % sys.version_info[:2])
        sys.exit(2)
    named = _restore_environment()
    path = os.path.abspath(script)
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n" % (sys.executable, script, e.errno, e.strerror))
        sys.exit(2)
    try:
        code = compile(raw, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        e.__traceback__ = None  # as python3 reports it: no recorder frames
        sys.excepthook(type(e), e, None)
        sys.exit(1)

    import tokenize
    import io
    import types
    from importlib.machinery import SourceFileLoader
    from . import __version__, hooks

    try:
        source = tokenize.TextIOWrapper(io.BytesIO(raw), tokenize.detect_encoding(io.BytesIO(raw).readline)[0]).read()
    except (SyntaxError, LookupError, UnicodeDecodeError):
        source = raw.decode("utf-8", "replace")
    orig = list(getattr(sys, "orig_argv", [sys.executable]))
    interpreter = orig[:orig.index("-m")] if "-m" in orig else orig[:1]
    if named and interpreter:
        interpreter[0] = named
    pid, fd = _start_writer(output, max_size)
    rec = hooks.Recording(path, fd)
    rec.send(("header", {"loopscope": __version__, "path": script, "source": source,
                         "python": sys.version.split()[0], "command": interpreter + [script] + args}))

    module = types.ModuleType("__main__")
    module.__file__ = path
    module.__loader__ = SourceFileLoader("__main__", path)
    module.__builtins__ = __builtins__
    sys.modules["__main__"] = module
    sys.argv = [script] + args
    if sys.path and not sys.flags.safe_path:
        sys.path[0] = os.path.dirname(path)

    status = 0
    interrupted = False
    hooks.install(rec)
    try:
        exec(code, module.__dict__)
    except SystemExit as e:
        _end(rec, pid)
        raise
    except BaseException as e:
        _end(rec, pid)
        interrupted = isinstance(e, KeyboardInterrupt)
        # The hook prints the exception's own traceback: cut the recorder's frame off it.
        e.__traceback__ = _program_traceback(e.__traceback__, code)
        sys.excepthook(type(e), e, e.__traceback__)
        status = 1
    else:
        _end(rec, pid)
    if interrupted:
        # As CPython does: exit by the signal, so the shell sees 130.
        import signal
        sys.stdout.flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    sys.exit(status)


def _end(rec, pid):
    from . import hooks
    try:
        hooks.finish(rec)
    finally:
        if rec.fd is not None:
            os.close(rec.fd)
            rec.fd = None
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


if __name__ == "__main__":
    main()

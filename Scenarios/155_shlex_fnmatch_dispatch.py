# A command dispatcher: job lines are split like a shell would (shlex), routed to a
# worker by glob patterns on the program name (fnmatch), and run as tasks; results are
# echoed back as properly quoted command lines (shlex.quote / shlex.join).
import asyncio
import fnmatch
import shlex

JOBS = """
backup --src '/srv/data files' --dest "s3://bucket/nightly backups" --verbose
report-weekly --title "Q4 revenue: \\"final\\"" --format=pdf
report-daily --title 'ops summary'   # trailing comment is dropped by comments=True
cleanup_tmp *.log 'older than 7d'
unknown-tool --flag
"""

ROUTES = [
    ("report-*", "reports", 0.2),
    ("backup", "storage", 0.5),
    ("cleanup_???", "janitor", 0.1),
    ("*", "fallback", 0.05),
]


def route(program):
    for pattern, worker, cost in ROUTES:
        if fnmatch.fnmatchcase(program, pattern):
            return pattern, worker, cost
    raise LookupError(program)


async def run_job(line_no, argv):
    pattern, worker, cost = route(argv[0])
    await asyncio.sleep(cost)
    return line_no, worker, pattern, argv


async def main():
    jobs = []
    for n, line in enumerate(JOBS.strip().splitlines(), 1):
        lexer = shlex.shlex(line, posix=True, punctuation_chars=False)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        argv = list(lexer)
        jobs.append(asyncio.create_task(run_job(n, argv)))
    for done in asyncio.as_completed(jobs):
        n, worker, pattern, argv = await done
        print(f"line {n} -> {worker:9} ({pattern!r}): {shlex.join(argv)}")
    print(shlex.split("a 'b c' \"d e\" f\\ g"))
    print(shlex.split("keep # this", comments=False), shlex.split("drop # this", comments=True))
    print([shlex.quote(s) for s in ["plain", "with space", "it's", "", "$HOME"]])
    names = ["app.log", "app.log.1", "error.LOG", "notes.txt", ".hidden.log"]
    print(fnmatch.filter(names, "*.log"), fnmatch.fnmatch("error.LOG", "*.log"))
    print(fnmatch.translate("data_[0-9]?.csv"), fnmatch.fnmatchcase("x[1]", "x[[]1]"))
    try:
        shlex.split("unterminated 'quote")
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())

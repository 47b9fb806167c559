# Capturing output in memory: each job's prints go to its own io.StringIO through
# print(file=...), a logging.StreamHandler writes a shared log into another, and
# contextlib.redirect_stdout captures a helper that only knows print(); a report is
# assembled in an io.BytesIO and read back line by line.
import asyncio
import io
import logging
from contextlib import redirect_stdout

log_buffer = io.StringIO()
handler = logging.StreamHandler(log_buffer)
handler.setFormatter(logging.Formatter('%(levelname)s %(name)s: %(message)s'))
log = logging.getLogger('jobs')
log.addHandler(handler)
log.setLevel(logging.INFO)


def summarize(name, values):
    # A helper that prints; the caller decides where that goes.
    print(f'{name}: n={len(values)} total={sum(values)}')
    if values:
        print(f'{name}: max={max(values)}')


async def job(name, delay, values):
    out = io.StringIO()
    for i, v in enumerate(values):
        await asyncio.sleep(delay)
        print(f'step {i}: {v}', file=out)
        log.info('%s did step %d', name, i)
    if not values:
        log.warning('%s had nothing to do', name)
    return name, out.getvalue()


async def main():
    results = await asyncio.gather(
        job('alpha', 0.2, [3, 1, 4]),
        job('beta', 0.3, [1, 5]),
        job('gamma', 0.1, []),
    )
    for name, text in results:
        print(f'--- {name} ({len(text.splitlines())} lines)')
        print(text, end='')

    captured = io.StringIO()
    with redirect_stdout(captured):
        summarize('alpha', [3, 1, 4])
        summarize('gamma', [])
    print('captured:', captured.getvalue().splitlines())

    print('log:')
    for line in io.StringIO(log_buffer.getvalue()):
        print('  ' + line.rstrip('\n'))

    report = io.BytesIO()
    for name, text in results:
        report.write(f'{name}={len(text)}\n'.encode())
    print('report bytes:', report.tell(), report.getvalue())
    report.seek(0)
    print('report lines:', [line.strip() for line in report])
    print(isinstance(captured, io.TextIOBase), isinstance(report, io.BufferedIOBase))


asyncio.run(main())

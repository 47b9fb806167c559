# Timestamps on the virtual clock with datetime: a job scheduler stamps each run with
# datetime.now() (the clock starts at 1970-01-01 00:00 UTC, as under tools/vtrun.py),
# computes deadlines with timedelta, reports lateness, and prints a daily schedule with
# strftime, isoformat and a fixed-offset timezone.
import asyncio
from datetime import datetime, timedelta, timezone

START = datetime.now()
CET = timezone(timedelta(hours=1), 'CET')


def stamp(moment):
    return moment.strftime('%H:%M:%S.%f')[:-3]


async def job(name, every, runs, work):
    late = timedelta(0)
    for n in range(runs):
        due = START + every * (n + 1)
        await asyncio.sleep((due - datetime.now()).total_seconds())
        began = datetime.now()
        await asyncio.sleep(work)
        late += began - due
        print(f'{stamp(began)} {name} run {n + 1} took {datetime.now() - began}')
    return name, late


async def main():
    print('start', START.isoformat(), START.strftime('%A %d %B %Y'))
    results = await asyncio.gather(
        job('backup', timedelta(minutes=1, seconds=30), 3, 12.5),
        job('report', timedelta(seconds=100), 2, 0.25),
    )
    for name, late in results:
        print(f'{name}: total lateness {late}')
    elapsed = datetime.now() - START
    print('elapsed', elapsed, elapsed.total_seconds(), repr(elapsed))

    day = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)
    for offset in (timedelta(0), timedelta(hours=4, minutes=30), timedelta(days=1, hours=-1)):
        slot = day + offset
        print(slot.isoformat(), '|', slot.astimezone(CET).strftime('%a %H:%M %Z'),
              '|', slot.isocalendar().week, slot.strftime('%j'))
    print(datetime.fromisoformat('2026-12-01T09:30:00+01:00') - day)
    print(sorted([day + timedelta(hours=h) for h in (5, -3, 1)])[0].time())


asyncio.run(main())

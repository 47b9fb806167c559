import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `datetime`: CPython 3.11's pure-Python Lib/datetime.py on loopscope's time module
/// (struct_time built from a tuple, strftime of a tuple). The expected outputs are
/// `tools/vtrun.py`'s, which runs the same pure-Python datetime (the C accelerator is
/// blocked there) so that now(), today() and utcnow() read the virtual clock.
@Suite("datetime")
struct DateTimeTests {
    @Test("now(), today() and utcnow() read the virtual clock, which starts at the epoch")
    func virtualClock() {
        let out = simulate(#"""
        import asyncio, time
        from datetime import datetime, date, timedelta, timezone

        async def tick(name, delay):
            await asyncio.sleep(delay)
            return name, datetime.now()

        async def main():
            start = datetime.now()
            print(start, repr(start), date.today(), datetime.utcnow(), datetime.now(timezone.utc))
            for name, at in await asyncio.gather(tick("a", 1.25), tick("b", 90061.5)):
                print(name, at, at - start, (at - start).total_seconds())
            print(time.time(), datetime.fromtimestamp(time.time()), datetime.utcfromtimestamp(0))
            print(datetime.now().timestamp(), datetime.now(timezone.utc).timestamp())

        asyncio.run(main())
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        1970-01-01 00:00:00 datetime.datetime(1970, 1, 1, 0, 0) 1970-01-01 1970-01-01 00:00:00 1970-01-01 00:00:00+00:00
        a 1970-01-01 00:00:01.250000 0:00:01.250000 1.25
        b 1970-01-02 01:01:01.500000 1 day, 1:01:01.500000 90061.5
        90061.5 1970-01-02 01:01:01.500000 1970-01-01 00:00:00
        90061.5 90061.5

        """#)
    }

    @Test("timedelta arithmetic, isoformat/fromisoformat, strftime, timezones and CPython's errors")
    func calendarArithmetic() {
        let out = simulate(#"""
        from datetime import datetime, date, time, timedelta, timezone
        d = timedelta(days=1, hours=3, minutes=7, seconds=1.25)
        print(d, repr(d), d * 2, d / 3, -d, abs(-d), d.total_seconds())
        print(d // timedelta(hours=1), d % timedelta(hours=1), divmod(d, timedelta(hours=5)), d * 0.5, timedelta(microseconds=-1))
        print(timedelta(weeks=2, milliseconds=1500), timedelta(0), repr(timedelta(0)), timedelta.max, timedelta.min, timedelta.resolution)
        x = datetime(2024, 2, 29, 13, 45, 7, 123456)
        print(x.isoformat(), x.isoformat(sep=" ", timespec="milliseconds"), x.isoformat(timespec="minutes"))
        print(x.strftime("%Y-%m-%d %H:%M:%S.%f %a %b %j %A %B %p %I %y %% %U %W %w"))
        print(x.strftime("%c|%x|%X|%z|%Z|%G-%V-%u"), f"{x:%d/%m/%Y}", format(x.date(), "%A"))
        print(datetime.fromisoformat("2024-02-29T13:45:07.123+02:00"), date.fromisoformat("2024-03-01"), time.fromisoformat("08:15:30.5"))
        print(x.weekday(), x.isoweekday(), x.isocalendar(), x.toordinal(), date.fromordinal(738000), x.ctime())
        print(x + timedelta(days=400), (x - datetime(2000, 1, 1)).days, x.replace(year=2023, day=28), x.date(), x.time())
        print(x.timetuple())
        u = x.replace(tzinfo=timezone.utc)
        est = timezone(timedelta(hours=-5), "EST")
        print(u, u.astimezone(est), u.utcoffset(), u.tzname(), u.timestamp(), repr(timezone.utc), repr(est), timezone(timedelta(hours=5, minutes=30)))
        print(u.strftime("%z|%Z"), u.astimezone(est).isoformat(), u == u.astimezone(est), u.astimezone(est) - u)
        print(sorted([date(2020, 1, 5), date(2019, 12, 31)]), max(time(9, 30), time(8)), time(9, 30).isoformat(), time(23, 59, 59, 999999))
        print(datetime.combine(date(2020, 5, 17), time(8, 0)), date(2020, 5, 17).ctime(), datetime.min, datetime.max, date(2020, 1, 1) < date(2020, 1, 2))
        print(datetime.strptime("2021-03-04 05:06", "%Y-%m-%d %H:%M") if hasattr(datetime, "nothing") else "skip")
        print({date(2020, 1, 1): 1}[date(2020, 1, 1)], hash(timedelta(0)) == hash(timedelta(0)), bool(timedelta(0)), date(2020, 1, 1).replace(month=2))
        for bad in [lambda: date(2023, 2, 29), lambda: datetime(2020, 1, 1) - date(2020, 1, 1), lambda: timedelta(days=10**9),
                    lambda: datetime.fromisoformat("nope"), lambda: datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=timezone.utc),
                    lambda: x.strftime(3), lambda: time(25)]:
            try:
                bad()
            except Exception as e:
                print(type(e).__name__, e)
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        1 day, 3:07:01.250000 datetime.timedelta(days=1, seconds=11221, microseconds=250000) 2 days, 6:14:02.500000 9:02:20.416667 -2 days, 20:52:58.750000 1 day, 3:07:01.250000 97621.25
        27 0:07:01.250000 (5, datetime.timedelta(seconds=7621, microseconds=250000)) 13:33:30.625000 -1 day, 23:59:59.999999
        14 days, 0:00:01.500000 0:00:00 datetime.timedelta(0) 999999999 days, 23:59:59.999999 -999999999 days, 0:00:00 0:00:00.000001
        2024-02-29T13:45:07.123456 2024-02-29 13:45:07.123 2024-02-29T13:45
        2024-02-29 13:45:07.123456 Thu Feb 060 Thursday February PM 01 24 % 08 09 4
        Thu Feb 29 13:45:07 2024|02/29/24|13:45:07|||2024-09-4 29/02/2024 Thursday
        2024-02-29 13:45:07.123000+02:00 2024-03-01 08:15:30.500000
        3 4 IsoCalendarDate(year=2024, week=9, weekday=4) 738945 2021-07-29 Thu Feb 29 13:45:07 2024
        2025-04-04 13:45:07.123456 8825 2023-02-28 13:45:07.123456 2024-02-29 13:45:07.123456
        time.struct_time(tm_year=2024, tm_mon=2, tm_mday=29, tm_hour=13, tm_min=45, tm_sec=7, tm_wday=3, tm_yday=60, tm_isdst=-1)
        2024-02-29 13:45:07.123456+00:00 2024-02-29 08:45:07.123456-05:00 0:00:00 UTC 1709214307.123456 datetime.timezone.utc datetime.timezone(datetime.timedelta(days=-1, seconds=68400), 'EST') UTC+05:30
        +0000|UTC 2024-02-29T08:45:07.123456-05:00 True 0:00:00
        [datetime.date(2019, 12, 31), datetime.date(2020, 1, 5)] 09:30:00 09:30:00 23:59:59.999999
        2020-05-17 08:00:00 Sun May 17 00:00:00 2020 0001-01-01 00:00:00 9999-12-31 23:59:59.999999 True
        skip
        1 True False 2020-02-01
        ValueError ('day must be in 1..28', 29)
        TypeError unsupported operand type(s) for -: 'datetime' and 'date'
        OverflowError timedelta # of days is too large: 1000000000
        ValueError Invalid isoformat string: 'nope'
        TypeError cannot compare naive and aware datetimes
        TypeError object of type 'int' has no len()
        ValueError ('hour must be in 0..23', 25)

        """#)
    }

    @Test("time.struct_time is a 9-sequence: built from a tuple, unpacked, indexed, sliced; strftime takes a tuple")
    func structTime() {
        let out = simulate(#"""
        import time
        t = time.struct_time((2024, 2, 29, 13, 45, 7, 3, 60, -1))
        y, m, d, *rest = t
        print(t, y, m, d, rest, t[0], t[-1], t[:3], len(t), t.tm_yday)
        print(time.strftime("%Y-%m-%d %H:%M:%S %a", t), time.strftime("%j", (2024, 2, 29, 0, 0, 0, 3, 60, 0)))
        print(tuple(time.gmtime(86400 * 366))[:6])
        for bad in [lambda: time.struct_time((1, 2)), lambda: time.strftime("%Y", (1, 2))]:
            try:
                bad()
            except TypeError as e:
                print("TypeError", e)
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        time.struct_time(tm_year=2024, tm_mon=2, tm_mday=29, tm_hour=13, tm_min=45, tm_sec=7, tm_wday=3, tm_yday=60, tm_isdst=-1) 2024 2 29 [13, 45, 7, 3, 60, -1] 2024 -1 (2024, 2, 29) 9 60
        2024-02-29 13:45:07 Thu 060
        (1971, 1, 2, 0, 0, 0)
        TypeError time.struct_time() takes an at least 9-sequence (2-sequence given)
        TypeError strftime(): illegal time tuple argument

        """#)
    }
}

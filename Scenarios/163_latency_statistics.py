# Latency statistics over gathered results: simulated requests to three backends take
# seeded random times; the collected latencies are summarised with the statistics
# module (mean, median, stdev, quantiles, ...) per backend and overall.
import asyncio
import random
import statistics
from statistics import mean, median, stdev, pstdev, quantiles, fmean, mode, StatisticsError

random.seed(7)
BACKENDS = {"cache": (0.002, 0.001), "db": (0.040, 0.015), "search": (0.120, 0.060)}


async def request(backend, i):
    mu, sigma = BACKENDS[backend]
    latency = max(0.001, round(random.gauss(mu, sigma), 4))
    await asyncio.sleep(latency)
    return backend, latency


async def main():
    jobs = [request(b, i) for i in range(12) for b in BACKENDS]
    results = await asyncio.gather(*jobs)
    by_backend = {}
    for backend, latency in results:
        by_backend.setdefault(backend, []).append(latency)
    for backend, lat in by_backend.items():
        ms = [x * 1000 for x in lat]
        print(f"{backend:>6} n={len(lat)} mean={mean(lat):.5f} median={median(lat):.5f} "
              f"stdev={stdev(lat):.5f} pstdev={pstdev(lat):.5f}")
        print(f"{'':>6} p25/p50/p75 ms={[round(q, 2) for q in quantiles(ms, n=4)]} "
              f"p90 ms={quantiles(ms, n=10)[-1]:.2f} fmean={fmean(ms):.3f}")
    everything = [lat for _, lat in results]
    print("overall", len(everything), mean(everything), median(everything), statistics.variance(everything))
    print("median_low/high", statistics.median_low(everything), statistics.median_high(everything))
    buckets = [round(x, 2) for x in everything]
    print("mode", mode(buckets), statistics.multimode(buckets))
    print("geometric", statistics.geometric_mean(everything), "harmonic", statistics.harmonic_mean(everything))
    print("ints", mean([3, 5, 8, 13]), median([3, 5, 8, 13]), stdev([3, 5, 8, 13]), statistics.pvariance([3, 5, 8, 13]))
    cache_ms = [x * 1000 for x in by_backend["cache"]]
    db_ms = [x * 1000 for x in by_backend["db"]]
    print("correlation", round(statistics.correlation(cache_ms, db_ms), 6))
    slope, intercept = statistics.linear_regression(range(len(db_ms)), db_ms)
    print("trend", round(slope, 4), round(intercept, 4))
    nd = statistics.NormalDist.from_samples(by_backend["db"])
    print("normal", nd, round(nd.cdf(0.05), 6), round(nd.inv_cdf(0.99), 6))
    try:
        stdev([0.5])
    except StatisticsError as e:
        print("StatisticsError:", e)


asyncio.run(main())

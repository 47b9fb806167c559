import PythonRuntime

/// Which of the orders asyncio leaves open a run takes (`explore`, `--schedule SEED`).
///
/// CPython's `_run_once` is deterministic given its clock, but its contract leaves three
/// things open, and a schedule decides them:
/// - **Ties.** Timers with equal deadlines run in an order asyncio does not define
///   ("undefined which will be called first"); CPython's follows its heap's shape. A
///   schedule may run a tied group in any order.
/// - **Overruns.** A `cpu(s)` or `time.sleep(s)` burst takes at least `s` on a real clock,
///   never exactly `s`. After an iteration whose callbacks held the loop for `h` seconds,
///   a schedule may let the burst overrun by up to `overrunFraction × h`, up to the next
///   timer deadline in that window, so that timer falls due in the same batch as the ones
///   already due instead of the next one.
/// - **Durations** (only with a jitter bound `j`): every `asyncio.sleep`, `cpu` and
///   `time.sleep` duration is scaled by a factor drawn uniformly from `[1-j, 1+j]`.
///   Timeouts (`wait_for`, `timeout`) are deadlines the program sets and stay exact.
///
/// Seeds: 0 is CPython's own schedule (every choice its first option, no jitter). A seed
/// below 2^32 is an *enumerated* schedule: its digits in the mixed radix of the choices
/// met (choice = seed mod arity, seed = seed / arity, ...), so seeds 0, 1, 2, ... walk
/// the tree of choices and a small seed departs from CPython's order at few points. A
/// seed of 2^32 or more is *random*: each choice is uniform, from a generator seeded with
/// it. Either way the same seed gives the same run.
public struct ScheduleSpec: Sendable, Equatable {
    public var seed: UInt64
    /// The relative jitter bound of durations (0.05 for ±5%); 0: durations exact.
    public var jitter: Double

    public static let randomSeedBase: UInt64 = 1 << 32
    /// How far past its nominal length a burst may run, as a fraction of it.
    public static let overrunFraction = 0.1

    public init(seed: UInt64, jitter: Double = 0) {
        self.seed = seed
        self.jitter = jitter
    }

    public var isRandom: Bool { seed >= Self.randomSeedBase }
}

/// A choice a schedule made where asyncio leaves the order open.
public struct ScheduleChoice: Sendable, Equatable {
    public var chosen: Int
    public var arity: Int
    public init(chosen: Int, arity: Int) {
        self.chosen = chosen
        self.arity = arity
    }
}

/// The decisions of one run under a `ScheduleSpec`.
final class Schedule {
    let spec: ScheduleSpec
    /// The enumerated seed's digits not yet used.
    private var remaining: UInt64
    private var random: SplitMix
    private var durations: SplitMix
    /// Every choice point met, in order (the explorer walks the tree from these).
    private(set) var choices: [ScheduleChoice] = []

    init(_ spec: ScheduleSpec) {
        self.spec = spec
        remaining = spec.isRandom ? 0 : spec.seed
        random = SplitMix(state: spec.seed)
        durations = SplitMix(state: spec.seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// Picks one of `arity` options; 0 is CPython's.
    func choose(_ arity: Int) -> Int {
        guard arity > 1 else { return 0 }
        let chosen: Int
        if spec.isRandom {
            chosen = Int(random.next() % UInt64(arity))
        } else {
            chosen = Int(remaining % UInt64(arity))
            remaining /= UInt64(arity)
        }
        choices.append(ScheduleChoice(chosen: chosen, arity: arity))
        return chosen
    }

    /// Whether the enumerated seed's digits were all used (else a smaller seed makes the
    /// same choices, and this run repeats that one).
    var consumedSeed: Bool { remaining == 0 }

    /// A duration as this schedule stretches it. Seed 0 is CPython's: never jittered.
    func duration(_ seconds: Double) -> Double {
        guard spec.jitter > 0, spec.seed != 0, seconds > 0 else { return seconds }
        let unit = Double(durations.next() >> 11) / Double(1 << 53)
        return seconds * (1 + spec.jitter * (2 * unit - 1))
    }
}

/// SplitMix64, the generator behind random schedules (small, fast, and the same on every
/// platform, so a seed means the same run everywhere).
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import LoopTrace

/// How each lane state looks: a glyph (Unicode, with an ASCII fallback) and a colour, each
/// enough on its own to tell states apart, and the words the legend uses.
public struct Glyphs: Sendable {
    public var ascii: Bool

    public init(ascii: Bool) { self.ascii = ascii }

    public func character(_ state: LaneState) -> Character {
        let pair: (Character, Character)
        switch state {
        case .absent: pair = (" ", " ")
        case .ready: pair = ("░", ":")
        case .sleeping: pair = ("┄", "~")
        case .waiting: pair = ("─", "-")
        case .created: pair = ("+", "+")
        case .done: pair = ("✓", "v")
        case .blocking: pair = ("▒", "=")
        case .running: pair = ("█", "#")
        case .cancelled: pair = ("⊘", "x")
        case .failed: pair = ("✗", "!")
        case .cpuBurst: pair = ("▓", "%")
        case .select: pair = ("│", "|")
        case .idle: pair = ("·", ".")
        case .gilWait: pair = ("╌", "g")
        }
        return ascii ? pair.1 : pair.0
    }

    public static func style(_ state: LaneState) -> CellStyle {
        switch state {
        case .absent: return .plain
        case .ready: return CellStyle(foreground: .yellow)
        case .sleeping: return CellStyle(foreground: .cyan)
        case .waiting: return CellStyle(foreground: .blue)
        case .created: return CellStyle(foreground: .white, attributes: .bold)
        case .done: return CellStyle(foreground: .green, attributes: .bold)
        case .blocking: return CellStyle(foreground: .magenta)
        case .running: return CellStyle(foreground: .green)
        case .cancelled: return CellStyle(foreground: .yellow, attributes: .bold)
        case .failed: return CellStyle(foreground: .red, attributes: .bold)
        case .cpuBurst: return CellStyle(foreground: .red)
        case .select: return CellStyle(foreground: .gray)
        case .idle: return CellStyle(foreground: .gray)
        case .gilWait: return CellStyle(foreground: .magenta, attributes: .bold)
        }
    }

    public static func name(_ state: LaneState) -> String {
        switch state {
        case .absent: return "not alive"
        case .ready: return "ready"
        case .sleeping: return "sleeping on a timer"
        case .waiting: return "waiting on a future/task"
        case .created: return "created"
        case .done: return "done"
        case .blocking: return "blocking sleep"
        case .running: return "running"
        case .cancelled: return "cancelled"
        case .failed: return "failed"
        case .cpuBurst: return "CPU burst"
        case .select: return "next iteration"
        case .idle: return "loop idle (clock jumps)"
        case .gilWait: return "waiting for the GIL"
        }
    }

    /// The states the legend lists, in reading order (waiting for the GIL only when the
    /// run has threads: `legendOrder(threads:)`).
    public static let legendOrder: [LaneState] = [.running, .cpuBurst, .blocking, .waiting, .sleeping, .ready,
                                                  .created, .done, .cancelled, .failed, .idle, .select]

    public static func legendOrder(threads: Bool) -> [LaneState] {
        threads ? [.running, .cpuBurst, .gilWait] + legendOrder.dropFirst(2) : legendOrder
    }
}

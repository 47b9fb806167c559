import ScenarioLanguage

/// `LINE:COL=0.1..2.0 step 0.1` (or `NAME=1,2,5`): one parameter and the values a sweep
/// runs it at. A range's values are written with as many decimals as its bounds and step
/// have, so `0.1..0.3 step 0.1` runs 0.1, 0.2, 0.3 (not 0.30000000000000004).
public struct SweepValues: Sendable, Equatable {
    public var target: WhatIfSetting.Target
    public var values: [String]

    /// Sweeps stop at this many values (a typo in a step should not start a million runs).
    public static let limit = 1000

    public static func parse(_ text: String) -> Result<SweepValues, SettingError> {
        guard let eq = text.firstIndex(of: "=") else {
            return .failure(SettingError("sweep --set takes LINE:COL=FROM..TO step STEP or LINE:COL=V1,V2,..., not '\(text)'"))
        }
        let key = String(text[..<eq]).filter { $0 != " " }
        let spec = String(text[text.index(after: eq)...])
        let target: WhatIfSetting.Target
        switch WhatIfSetting.parseTarget(key) {
        case .failure(let e): return .failure(e)
        case .success(let t): target = t
        }
        let words = spec.split(separator: " ").map(String.init)
        if words.count == 3, words[1] == "step", let dots = words[0].range(of: "..") {
            let from = String(words[0][..<dots.lowerBound]), to = String(words[0][dots.upperBound...]), step = words[2]
            guard [from, to, step].allSatisfy(WhatIfSetting.isNumberLiteral),
                  let a = Double(from), let b = Double(to), let s = Double(step) else {
                return .failure(SettingError("sweep: '\(spec)': the bounds and step must be numbers"))
            }
            guard s > 0, b >= a else { return .failure(SettingError("sweep: '\(spec)': the step must be positive and FROM ≤ TO")) }
            let count = Int(((b - a) / s + 1e-9).rounded(.down)) + 1
            guard count <= limit else { return .failure(SettingError("sweep: '\(spec)' has \(count) values; at most \(limit)")) }
            let decimals = [from, to, step].map(Self.decimals).max() ?? 0
            let values = (0..<count).map { i in Self.format(a + Double(i) * s, decimals: decimals) }
            return .success(SweepValues(target: target, values: values))
        }
        let values = spec.split(separator: ",").map { String($0).filter { $0 != " " } }
        guard !values.isEmpty, values.allSatisfy(WhatIfSetting.isNumberLiteral) else {
            return .failure(SettingError("sweep: '\(spec)' is neither FROM..TO step STEP nor a list of numbers V1,V2,..."))
        }
        guard values.count <= limit else { return .failure(SettingError("sweep: at most \(limit) values")) }
        return .success(SweepValues(target: target, values: values))
    }

    public func setting(_ value: String) -> WhatIfSetting { WhatIfSetting(target: target, value: value) }

    /// Digits after the point as written (`0.25` → 2, `3` → 0, `1e-3` → 3).
    static func decimals(_ literal: String) -> Int {
        let lower = literal.lowercased()
        if let e = lower.firstIndex(of: "e"), let exponent = Int(lower[lower.index(after: e)...]) {
            return max(0, decimals(String(lower[..<e])) - exponent)
        }
        guard let dot = lower.firstIndex(of: ".") else { return 0 }
        return lower.distance(from: dot, to: lower.endIndex) - 1
    }

    /// `x` rounded to `decimals` places, written without an exponent (`0.3`, `12`).
    static func format(_ x: Double, decimals: Int) -> String {
        guard decimals > 0 else { return String(Int(x.rounded())) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(x) * scale).rounded())
        var digits = String(scaled)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -decimals)
        var text = digits[..<split] + "." + digits[split...]
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return (x < 0 && scaled != 0 ? "-" : "") + text
    }
}

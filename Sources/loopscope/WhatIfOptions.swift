import ArgumentParser
import ScenarioLanguage

/// `--set`: the what-if edits the commands that simulate a scenario take.
struct WhatIfOptions: ParsableArguments {
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Run with a parameter changed: LINE:COL=VALUE (the literal's position, as `loopscope params` lists it) or NAME=VALUE (a top-level constant). Repeatable.",
                               valueName: "LINE:COL=VALUE"))
    var settings: [String] = []

    func validate() throws {
        _ = try parsedSettings()
    }

    func parsedSettings() throws -> [WhatIfSetting] { try Self.parse(settings) }

    /// `--set` texts as settings; a malformed one is a usage error.
    static func parse(_ texts: [String]) throws -> [WhatIfSetting] {
        try texts.map { text in
            switch WhatIfSetting.parse(text) {
            case .success(let s): return s
            case .failure(let e): throw ValidationError(e.message)
            }
        }
    }
}

/// Loads a scenario and applies `--set` edits; a setting that names no parameter is
/// reported at its place in the file, exit status 2.
func loadScenario(_ path: String, settings: [WhatIfSetting]) throws -> String {
    let source = try loadScenario(path)
    return try applySettings(settings, to: source, path: path)
}

func applySettings(_ settings: [WhatIfSetting], to source: String, path: String) throws -> String {
    switch WhatIfSetting.apply(settings, to: source) {
    case .success(let edited):
        return edited
    case .failure(let error):
        if let d = error.diagnostic {
            Console.printDiagnostics([d], path: path, source: source)
        } else {
            Console.err("loopscope: \(path): \(error.message)\n")
        }
        throw ExitCode(2)
    }
}

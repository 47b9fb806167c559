import Foundation
@testable import LoopSimulator
@testable import PythonRuntime
import TestSupport

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: TestSupport.root)

/// What one run printed and how it ended.
struct RunOutput: Equatable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    var status: Int32

    var description: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs scenario source in-process, as `loopscope run` does.
func simulate(_ source: String, path: String = "test.py",
              options: SimulationOptions = SimulationOptions()) -> RunOutput {
    var out = "", err = ""
    let result = Simulation(source: source, path: path, options: options)
        .run(stdout: { out += $0 }, stderr: { err += $0 })
    switch result {
    case .success(let r):
        return RunOutput(stdout: out, stderr: err, status: r.exitStatus)
    case .failure(let list):
        return RunOutput(stdout: out, stderr: list.entries.map(\.headline).joined(separator: "\n"), status: 2)
    }
}

/// Runs a command and captures its output.
func runProcess(_ arguments: [String], in directory: URL = repositoryRoot) throws -> RunOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    // stderr goes to a file so a chatty child cannot block on a second full pipe.
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-test-\(UUID().uuidString).err")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let errHandle = try FileHandle(forWritingTo: errURL)
    let outPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errHandle
    try process.run()
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errHandle.close()
    let errData = (try? Data(contentsOf: errURL)) ?? Data()
    return RunOutput(stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self),
                     status: process.terminationStatus)
}

/// CPython 3.11 on its virtual clock: the reference every scenario is checked against.
func runReference(_ relativePath: String) throws -> RunOutput {
    try runProcess(["python3", "tools/vtrun.py", relativePath])
}

/// `Scenarios/*.py`, sorted (none when the folder cannot be read: `scenariosExist` fails).
func scenarioFiles() -> [String] {
    (try? TestSupport.scenarioPaths()) ?? []
}

func readRepositoryFile(_ relativePath: String) throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent(relativePath), encoding: .utf8)
}

import Foundation
import PackagePlugin

/// Embeds the repository's `Lib/` folder (library code written in Python, as CPython keeps
/// its own) into the target that uses this plugin, as a generated Swift table of sources:
/// the `loopscope` binary then needs no files beside it, whatever directory it runs from.
@main
struct PythonLibPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let lib = context.package.directoryURL.appending(path: "Lib")
        let output = context.pluginWorkDirectoryURL.appending(path: "PythonLibSources.swift")
        var inputs: [URL] = []
        if let walk = FileManager.default.enumerator(at: lib, includingPropertiesForKeys: nil) {
            for case let url as URL in walk where url.pathExtension == "py" { inputs.append(url) }
        }
        return [.buildCommand(displayName: "Embedding the Python library (\(inputs.count) files of Lib)",
                              executable: try context.tool(named: "EmbedPythonLib").url,
                              arguments: [lib.path, output.path],
                              inputFiles: inputs, outputFiles: [output])]
    }
}

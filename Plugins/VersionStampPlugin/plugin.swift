import Foundation
import PackagePlugin

/// Generates `BuildStamp.swift` for the target from a hash of every Swift source of the package's own targets,
/// so the version printed by `termdash version` changes whenever the code does.
@main
struct VersionStampPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let inputs = context.package.targets
            .compactMap { $0 as? SourceModuleTarget }
            .filter { $0.kind != .test }
            .flatMap { $0.sourceFiles(withSuffix: "swift").map(\.url) }
            .sorted { $0.path < $1.path }
        let manifest = context.package.directoryURL.appending(path: "Package.swift")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildStamp.swift")
        return [
            .buildCommand(
                displayName: "Stamping the build version",
                executable: try context.tool(named: "VersionStamp").url,
                arguments: [output.path, manifest.path] + inputs.map(\.path),
                inputFiles: [manifest] + inputs,
                outputFiles: [output]
            )
        ]
    }
}

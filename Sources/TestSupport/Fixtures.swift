import Foundation

/// Paths of the repository and of ../shared, found from this source file so tests run from any directory.
public enum Fixtures {
    /// The repository root (the folder holding Package.swift).
    public static var repoRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }

    /// The shared folder beside the repository (CONTACTDESK_SHARED overrides it).
    public static var shared: URL {
        if let s = ProcessInfo.processInfo.environment["CONTACTDESK_SHARED"] { return URL(fileURLWithPath: s) }
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// Every file in a folder of ../shared/fixtures, sorted by name.
    public static func files(in folder: String) throws -> [URL] {
        let dir = shared.appendingPathComponent("fixtures").appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The bytes of one fixture, e.g. `data("friend_update/response-ok.json")`.
    public static func data(_ path: String) throws -> Data {
        try Data(contentsOf: shared.appendingPathComponent("fixtures").appendingPathComponent(path))
    }
}

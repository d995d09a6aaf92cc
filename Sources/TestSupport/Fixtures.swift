import Foundation

/// Paths of the repository and of its test fixtures (`Tests/Fixtures`), found from this source file so
/// tests run from any directory and need nothing outside the clone.
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

    /// `Tests/Fixtures`: the API's documented examples and other facts the tests check against.
    public static var directory: URL { repoRoot.appendingPathComponent("Tests/Fixtures") }

    /// Every JSON file in a folder of `Tests/Fixtures`, sorted by name.
    public static func files(in folder: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The bytes of one fixture, e.g. `data("friend_update/response-ok.json")`.
    public static func data(_ path: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(path))
    }

    /// The text of one fixture, e.g. `text("documented-error-codes.txt")`.
    public static func text(_ path: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }
}

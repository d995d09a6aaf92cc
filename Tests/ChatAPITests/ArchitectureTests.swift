import Foundation
import Testing
import TestSupport

/// The layering rules of docs/ARCHITECTURE.md, checked on the sources.
@Suite struct ArchitectureTests {
    /// Swift files under Sources that contain `import NAME` as a line.
    static func importers(of module: String) throws -> [String] {
        let root = Fixtures.repoRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        return try files.filter { url in
            try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
                .contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("import \(module)") && $0.hasSuffix(module) }
        }.map { String($0.path.dropFirst(root.path.count + 1)) }.sorted()
    }

    @Test func onlyTheTransportFileImportsCurl() throws {
        #expect(try Self.importers(of: "CCurl") == ["ChatAPI/Transport/CurlTransport.swift"])
    }

    @Test func onlyTheUserSigCodeImportsZlib() throws {
        #expect(try Self.importers(of: "CZlib") == ["ChatAPI/UserSig/Zlib.swift"])
    }

    @Test func theNcursesShimDefinesWideCharactersBeforeIncludingCurses() throws {
        let shim = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("Sources/CNCursesW/shim.h"), encoding: .utf8)
        let define = try #require(shim.range(of: "#define NCURSES_WIDECHAR 1"))
        let include = try #require(shim.range(of: "#include <curses.h>"))
        #expect(define.lowerBound < include.lowerBound)
    }
}

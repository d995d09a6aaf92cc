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

    /// The operator's palette is never redefined: colours are chosen from what the terminal has (init_color
    /// would change the terminal's own colours for every program after ContactDesk, and many terminals refuse it).
    @Test func nothingRedefinesTheTerminalsPalette() throws {
        for dir in ["Sources/CursesTerminal", "Sources/CNCursesW"] {
            let root = Fixtures.repoRoot.appendingPathComponent(dir)
            for name in try FileManager.default.contentsOfDirectory(atPath: root.path) {
                let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
                #expect(!text.contains("init_color") && !text.contains("init_extended_color"), "\(dir)/\(name) redefines a colour")
            }
        }
    }

    /// A user's clone has nothing beside it: no file of the project may point outside it. The strings are
    /// split so this file does not name them.
    @Test func noFileOfTheProjectPointsOutsideTheClone() throws {
        let forbidden = [".." + "/shared", "CONTACTDESK" + "_SHARED"]
        let root = Fixtures.repoRoot
        var checked = 0
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])!
        for case let url as URL in walker {
            let name = url.lastPathComponent
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                if name.hasPrefix(".build") || name == ".git" || name == ".swiftpm" { walker.skipDescendants() }
                continue
            }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            checked += 1
            for word in forbidden where text.contains(word) {
                Issue.record("\(url.path.dropFirst(root.path.count + 1)) mentions \(word)")
            }
        }
        #expect(checked > 100)
    }
}

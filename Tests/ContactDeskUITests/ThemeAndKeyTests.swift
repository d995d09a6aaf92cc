import ContactDeskUI
import Foundation
import Testing
import TestSupport

@Suite struct ThemeTests {
    let loader = ThemeLoader(searchPath: [])

    /// The top-level themes/ folder, the one source of the shipped themes.
    static var themesFolder: URL { Fixtures.repoRoot.appendingPathComponent("themes") }

    @Test func theBuiltInThemesAreTheFilesOfTheThemesFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(ThemeLoader.shipped.keys), "run make themes")
        for file in files {
            let text = try String(contentsOf: Self.themesFolder.appendingPathComponent(file), encoding: .utf8)
            #expect(ThemeLoader.shipped[String(file.dropLast(5))] == text, "\(file) differs from its built-in copy: run make themes")
        }
    }

    @Test func theThemesReadmeDescribesEveryRole() throws {
        let readme = try String(contentsOf: Self.themesFolder.appendingPathComponent("README.md"), encoding: .utf8)
        for role in Role.allCases { #expect(readme.contains("`\(role.rawValue)`"), "\(role.rawValue)") }
        for name in ThemeLoader.shipped.keys { #expect(readme.contains("`\(name)`"), "\(name)") }
    }

    @Test func aFolderThemeOverridesTheBuiltInOneAndInheritsFromIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "inherits = \"monochrome\"\n[styles]\nheader = { attrs = [\"underline\"] }\n".write(to: dir.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
        let loader = ThemeLoader(searchPath: [dir])
        #expect(loader.source(for: "light") == .file(dir.appendingPathComponent("light.toml").resolvingSymlinksInPath()))
        #expect(loader.source(for: "default") == .builtIn("default"))
        let light = try loader.load("light")
        #expect(light.monochrome && light.style(.header).attributes == [.underline])
        #expect(loader.available() == ["default", "high-contrast", "light", "monochrome"])
    }

    @Test func aThemeThatInheritsItselfByNameOrPathIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "inherits = \"me\"\n".write(to: dir.appendingPathComponent("me.toml"), atomically: true, encoding: .utf8)
        try "inherits = \"\(dir.path)/./path.toml\"\n".write(to: dir.appendingPathComponent("path.toml"), atomically: true, encoding: .utf8)
        for name in ["me", "path", dir.appendingPathComponent("path.toml").path] {
            do { _ = try ThemeLoader(searchPath: [dir]).load(name); Issue.record("accepted \(name)") } catch let e as ThemeError {
                #expect(e.message.contains("in a loop") && e.line == 1, "\(e)")
            }
        }
    }

    @Test func theShippedThemesLoad() throws {
        #expect(loader.available() == ["default", "high-contrast", "light", "monochrome"])
        for name in loader.available() {
            let t = try loader.load(name)
            #expect(Set(t.styles.keys).count >= 15, "\(name)")
        }
        #expect(try loader.load("monochrome").monochrome)
        #expect(try loader.load("light").style(.header).fg == .index(7))          // its own
        #expect(try loader.load("light").style(.columnHeading).attributes == [.bold, .underline])  // inherited
    }

    @Test func colourFallsBackToWhatTheTerminalHas() throws {
        let t = try loader.load("default")
        let truecolor = t.resolved(.rowSelected, colors: 0x1000000)
        #expect(truecolor.bg == 0x87AFD7)
        #expect(t.resolved(.rowSelected, colors: 256).bg == 110)  // #87afd7 is cube entry 110
        #expect(t.resolved(.rowSelected, colors: 8).bg == 7)
        let none = t.resolved(.rowSelected, colors: 0)
        #expect(none.fg == -1 && none.bg == -1 && none.attributes == [.reverse])
        #expect(t.withoutColor.resolved(.header, colors: 256).attributes == [.reverse, .bold])
    }

    @Test func rolesFallBackAlongTheirNames() throws {
        let t = try loader.parse("[styles]\nrow = { fg = \"red\" }\n\"form.field\" = { fg = \"blue\" }\n", file: "t.toml", name: "t")
        #expect(t.style(.rowSelected).fg == .index(1))        // row.selected -> row
        #expect(t.style(.formFieldFocused).fg == .index(4))   // form.field.focused -> form.field
        #expect(t.style(.progress).fg == .index(1))           // nothing of its own -> row
    }

    @Test(arguments: [
        ("[styles]\nrows = { fg = \"red\" }\n", 2, "unknown role \"rows\""),
        ("[palette]\nbg = \"#12345\"\n", 2, "not #rrggbb"),
        ("[styles]\nheader = { fg = \"purple\" }\n", 2, "fg of \"header\""),
        ("[styles]\nheader = { attrs = [\"blink\"] }\n", 2, "attributes are bold, underline, reverse, dim"),
        ("name = \"x\"\n[styles\n", 2, "not valid TOML"),
        ("colour = 1\n", 1, "unknown key \"colour\""),
    ])
    func brokenThemesNameTheFileLineAndFix(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try loader.parse(text, file: "themes/broken.toml", name: "broken")
            Issue.record("accepted")
        } catch let e as ThemeError {
            #expect(e.file == "themes/broken.toml" && e.line == line, "\(e)")
            #expect(e.description.contains(message), "\(e)")
        } catch { Issue.record("\(error)") }
    }

    @Test func anUnknownThemeNameListsTheAvailableOnes() {
        #expect(throws: ThemeError.self) { try loader.load("neon") }
        do { _ = try loader.load("neon") } catch { #expect("\(error)".contains("default, high-contrast, light, monochrome")) }
    }

    @Test func inheritanceLoopsAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "inherits = \"b\"\n".write(to: dir.appendingPathComponent("a.toml"), atomically: true, encoding: .utf8)
        try "inherits = \"a\"\n".write(to: dir.appendingPathComponent("b.toml"), atomically: true, encoding: .utf8)
        #expect(throws: ThemeError.self) { try ThemeLoader(searchPath: [dir]).load("a") }
    }
}

@Suite struct KeyMapTests {
    @Test func keyNamesRoundTrip() {
        for key: Key in [.char("j"), .char(" "), .ctrl("r"), .alt("b"), .pageDown, .function(1), .backTab, .escape] {
            #expect(Key(name: key.description) == key, "\(key)")
        }
        #expect(Key(name: "Ctrl-R") == .ctrl("r") && Key(name: "nonsense") == nil)
    }

    @Test func overridesReplaceAnActionsKeys() {
        let map = KeyMap(overrides: ["quit": ["Ctrl-Q", "x"]])
        #expect(map.action(for: .ctrl("q"), in: .list) == .quit)
        #expect(map.action(for: .char("x"), in: .list) == .quit)
        #expect(map.action(for: .char("q"), in: .list) == nil)
        #expect(map.problems.isEmpty)
        #expect(map.label(for: .quit) == "Ctrl-Q/x")
    }

    @Test func conflictsAndUnknownsAreReported() {
        let map = KeyMap(overrides: ["mark": ["j"], "fly": ["f"], "help": ["Hyper-X"]])
        #expect(map.action(for: .char("j"), in: .list) == .mark)  // the user's binding wins
        #expect(map.action(for: .down, in: .list) == .moveDown)
        #expect(map.problems.contains { $0.contains("j is bound to both mark and move.down") })
        #expect(map.problems.contains { $0.contains("unknown action \"fly\"") })
        #expect(map.problems.contains { $0.contains("\"Hyper-X\" for help is not a key name") })
    }

    @Test func configFileReadsThemeAndKeys() {
        let c = UIConfig.parse("theme = \"light\"\n[keys]\nquit = [\"Ctrl-Q\"]\nhelp = \"h\"\nmark = 3\n", file: "config.toml")
        #expect(c.theme == "light" && c.keys == ["quit": ["Ctrl-Q"], "help": ["h"]])
        #expect(c.problems.count == 1 && c.problems[0].contains("[keys] mark"))
        let broken = UIConfig.parse("theme = \n", file: "config.toml")
        #expect(broken.problems.first?.hasPrefix("config.toml:1: not valid TOML") == true)
    }
}

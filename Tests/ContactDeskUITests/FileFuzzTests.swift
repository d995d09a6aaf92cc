import ContactDeskUI
import ContactEditing
import Foundation
import Testing
import TestSupport

/// No input file may crash the program: config.toml (profiles and UI settings), themes and change-set files,
/// mutated a few hundred ways each from valid ones with a fixed seed, are read in process; each must end in a
/// value or an error. A crash (SIGABRT in a parser, a stack overflow) takes the test run down, so it fails.
@Suite struct FileFuzzTests {
    static let pieces = ["[", "]", "[[", "]]", "=", ".", "\"", "'", "\n", "{", "}", ",", "#", "\\", "[profiles.", "[a = b]", "[[x =]]",
                         "inherits = \"x\"", "\u{0}", "\u{1b}", "1e999", "-", "\"\"\"", "'''", "true", "[]", "{}", "é", "组"]

    /// `FUZZ_COUNT` and `FUZZ_SEED` in the environment run a larger campaign (the seed is mixed into each suite's).
    static let environment = ProcessInfo.processInfo.environment
    static let extraSeed = UInt64(environment["FUZZ_SEED"] ?? "") ?? 0

    /// `count` variants of `text`: cuts, insertions of TOML/JSON punctuation, repeats and truncations.
    static func variants(of text: String, count: Int, seed: UInt64) -> [String] {
        let count = Int(environment["FUZZ_COUNT"] ?? "") ?? count
        var rng = SplitMix(state: seed ^ extraSeed)
        var out: [String] = []
        for _ in 0..<count {
            var chars = Array(text)
            for _ in 0..<Int.random(in: 1...4, using: &rng) where !chars.isEmpty {
                let at = Int.random(in: 0..<chars.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: chars.remove(at: at)
                case 1: chars.insert(contentsOf: Array(pieces.randomElement(using: &rng)!), at: at)
                case 2:
                    let end = min(chars.count, at + Int.random(in: 1...20, using: &rng))
                    chars.insert(contentsOf: chars[at..<end], at: at)
                default: chars = Array(chars.prefix(at))
                }
            }
            out.append(String(chars))
        }
        return out
    }

    static let config = """
        language = "zh"
        theme = "light"
        [keys]
        "move.down" = ["j", "Down"]

        [profiles.sg]
        sdkappid = 1400000001
        region = "singapore"
        admin = "administrator"
        key_env = "CD_KEY"
        custom_fields = ["Tier", "Ticket"]
        read_concurrency = 8
        read_only = false
        """

    @Test func configFilesNeverCrash() {
        var outcomes = (values: 0, errors: 0)
        let all = Self.variants(of: Self.config, count: 400, seed: 0xC0FF1)
        for text in all {
            if let trace = ProcessInfo.processInfo.environment["FUZZ_TRACE"] { try? text.write(toFile: trace + ".config", atomically: false, encoding: .utf8) }
            _ = UIConfig.parse(text, file: "config.toml")
            do { _ = try ProfileLoader.parse(text, file: "config.toml", name: "sg"); outcomes.values += 1 } catch { outcomes.errors += 1 }
        }
        #expect(outcomes.errors > 0, "the mutations reach the error paths: \(outcomes)")
        Campaign.report("fuzz config: \(all.count) files, \(outcomes.values) read, \(outcomes.errors) refused, 0 crashes")
    }

    @Test func themesNeverCrashIncludingLoops() throws {
        let base = try #require(ThemeLoader.shipped["light"])
        let loader = ThemeLoader(searchPath: [])
        var errors = 0
        let variants = Self.variants(of: base, count: 400, seed: 0x7E3E)
        for text in variants {
            if let trace = ProcessInfo.processInfo.environment["FUZZ_TRACE"] { try? text.write(toFile: trace + ".theme", atomically: false, encoding: .utf8) }
            do { _ = try loader.parse(text, file: "t.toml", name: "t") } catch { errors += 1 }
        }
        #expect(errors > 0)
        Campaign.report("fuzz theme: \(variants.count) files, \(variants.count - errors) read, \(errors) refused, 0 crashes")
        // A theme that inherits itself, by name, is refused with the chain, never a stack overflow.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-themes-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "inherits = \"loop\"\n".write(to: dir.appendingPathComponent("loop.toml"), atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try ThemeLoader(searchPath: [dir]).load("loop") }
    }

    @Test func changeSetFilesNeverCrash() throws {
        var set = ChangeSet()
        set.stage(EntryKey(app: 7, account: "acct", friend: "c1", field: .remark), base: .text("a"), intent: .set("黄芳"))
        set.stage(EntryKey(app: 7, account: "acct", friend: "c2", field: .groups), base: .groups(["A"]), intent: .groups(add: ["B"], remove: ["A"]))
        set.stage(GroupOperationEntry(app: 7, account: "acct", operation: .rename(from: "A", to: "B"), members: 3))
        let text = String(decoding: try ChangeSetFile(set: set, app: 7, account: "acct").encoded(), as: UTF8.self)
        var read = 0, refused = 0
        for variant in Self.variants(of: text, count: 400, seed: 0xF11E) {
            do { _ = try ChangeSetFile.read(Data(variant.utf8), expectingApp: 7); read += 1 } catch { refused += 1 }
            // The CSV reader too: the same bytes as a CSV.
            _ = try? FriendCSV.records(variant)
        }
        #expect(refused > 0 && read + refused > 0)
        Campaign.report("fuzz change-set and CSV: \(read + refused) files, \(read) read, \(refused) refused, 0 crashes")
    }
}

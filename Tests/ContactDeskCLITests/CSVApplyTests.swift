import ChatAPI
import Foundation
import Testing
import TestSupport

/// The spreadsheet round trip against the emulator: `friends list --format csv` of the 3000-friend account,
/// edited, saved in each encoding and line ending, applied; exactly the edited cells change; a second apply sends
/// nothing; a bad cell on line N refuses the file naming line N; junk exits 2.
@Suite struct CSVApplyTests {
    let dir: URL
    init() throws { dir = try CommandRunner.temporaryDirectory() }
    var env: [String: String] { CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText]) }
    static let gb = String.Encoding(rawValue: 0x8000_0632)
    var connection: [String] { ["--sdkappid", "\(TestCredentials.sdkAppID)", "--admin", TestCredentials.admin] }

    func csv(_ url: String, account: String = "demo_shop") throws -> String {
        let out = try CommandRunner.run(["friends", "list", "--account", account, "--format", "csv", "--endpoint", url] + connection, environment: env)
        #expect(out.status == 0, "\(out.stderr)")
        return out.stdout
    }

    func apply(_ path: String, _ url: String, _ extra: [String] = []) throws -> CommandRunner.Output {
        try CommandRunner.run(["apply", path, "--account", "demo_shop", "--custom-field", "Tier", "--custom-field", "Ticket", "--endpoint", url]
                              + connection + extra, environment: env)
    }

    func friendUpdates(_ url: String) throws -> Int { try GroupsCommandTests.calls(url)["sns/friend_update"] ?? 0 }

    /// Rows as cells (the writer never puts a line break inside a cell), keyed by UserID.
    static func table(_ csv: String) -> (header: [String], rows: [String: [String]]) {
        var lines = csv.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [String: [String]] = [:]
        for l in lines { let cells = cells(l); rows[cells[0]] = cells }
        return (header, rows)
    }

    static func cells(_ line: String) -> [String] {
        var out: [String] = [], cell = "", quoted = false, chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted { if c == "\"" { if chars.first == "\"" { chars.removeFirst(); cell.append("\"") } else { quoted = false } } else { cell.append(c) } }
            else if c == "\"" { quoted = true } else if c == "," { out.append(cell); cell = "" } else { cell.append(c) }
        }
        return out + [cell]
    }

    static func line(_ cells: [String]) -> String {
        cells.map { $0.contains(where: { ",\"\n".contains($0) }) ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }.joined(separator: ",")
    }

    /// The original with four cells edited: a remark, a group list, a custom field and a cleared remark.
    static func edit(_ original: String) -> (text: String, edits: [String: [String: String]]) {
        let (header, rows) = table(original)
        let col = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        let edits: [String: [String: String]] = [
            "c0001": ["Remark": "已续费, \"年度\" 客户"], "c0002": ["Groups": "VIP;新分组"], "c0003": ["Tier": "platinum"], "c2999": ["Remark": ""],
        ]
        var lines = [line(header)]
        for id in rows.keys.sorted() {
            var cells = rows[id]!
            for (column, value) in edits[id] ?? [:] { cells[col[column]!] = value }
            lines.append(line(cells))
        }
        return (lines.joined(separator: "\n") + "\n", edits)
    }

    @Test(arguments: [("utf-8", "\n", false), ("utf-8", "\r\n", true), ("gb18030", "\r\n", false), ("gb18030", "\n", false)])
    func anEditedListAppliesExactlyTheEditedCells(encoding: String, lineEnd: String, bom: Bool) async throws {
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        let before = try csv(url)
        #expect(Self.table(before).rows.count == 3000)
        let (edited, edits) = Self.edit(before)
        let text = edited.replacingOccurrences(of: "\n", with: lineEnd)
        var data = encoding == "gb18030" ? try #require(text.data(using: Self.gb)) : Data(text.utf8)
        if bom { data = Data([0xEF, 0xBB, 0xBF]) + data }
        let path = dir.appendingPathComponent("edited.csv")
        try data.write(to: path)

        let dry = try apply(path.path, url, ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stdout)\(dry.stderr)")
        #expect(dry.stdout.contains("4 changes for 4 friends of demo_shop; 2996 rows change nothing"), "\(dry.stdout)")
        #expect(dry.stdout.contains("c2999\n  Remark: ") && dry.stdout.contains("-> (cleared)"))
        #expect(dry.stderr.contains(encoding.uppercased()), "the encoding found is named: \(dry.stderr)")
        #expect(try friendUpdates(url) == 0)

        let out = try apply(path.path, url)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("4 applied, 0 failed"), "\(out.stdout)")
        let after = Self.table(try csv(url))
        let old = Self.table(before)
        let col = Dictionary(uniqueKeysWithValues: after.header.enumerated().map { ($1, $0) })
        var changed: [String: [String: String]] = [:]
        for (id, cells) in after.rows {
            for (i, cell) in cells.enumerated() where cell != old.rows[id]![i] { changed[id, default: [:]][after.header[i]] = cell }
        }
        #expect(changed == edits, "exactly the edited cells changed: \(changed)")
        #expect(after.rows["c0001"]?[col["Remark"]!] == "已续费, \"年度\" 客户")

        // The same file again: nothing to change, no call, exit 0.
        let calls = try friendUpdates(url)
        let again = try apply(path.path, url)
        #expect(again.status == 0 && again.stdout.contains("nothing to change"), "\(again.stdout)\(again.stderr)")
        #expect(try friendUpdates(url) == calls)
    }

    @Test func aBadCellOnLineNRefusesTheFileAndJunkExits2() throws {
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        var lines = try csv(url).components(separatedBy: "\r\n")
        // Line 11 is c0010; its remark becomes 97 bytes, and c0001 (line 2) gets a fine one.
        var c10 = Self.cells(lines[10]), c1 = Self.cells(lines[1])
        #expect(c10[0] == "c0010")
        c10[2] = String(repeating: "x", count: 97)
        c1[2] = "fine"
        lines[10] = Self.line(c10); lines[1] = Self.line(c1)
        let path = dir.appendingPathComponent("bad.csv")
        try lines.joined(separator: "\r\n").write(to: path, atomically: true, encoding: .utf8)
        let bad = try apply(path.path, url)
        #expect(bad.status == 2, "\(bad.stdout)\(bad.stderr)")
        #expect(bad.stderr.contains("\(path.path):11: Remark: 97 bytes, the limit is 96 bytes of UTF-8"), "\(bad.stderr)")
        #expect(bad.stderr.contains("nothing was applied"))
        #expect(try friendUpdates(url) == 0)
        let skipped = try apply(path.path, url, ["--skip-invalid"])
        #expect(skipped.status == 0 && skipped.stdout.contains("c0001  ✓") && !skipped.stdout.contains("c0010"), "\(skipped.stdout)\(skipped.stderr)")

        let junk = dir.appendingPathComponent("junk.csv")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x08, 0x08, 0x9C, 0xFF, 0xFE, 0x80]).write(to: junk)
        let refused = try apply(junk.path, url)
        #expect(refused.status == 2 && refused.stderr.contains("neither a change-set file (JSON) nor a friend CSV")
                && refused.stderr.contains("neither UTF-8 nor GB18030"), "\(refused.stderr)")
        let utf16 = dir.appendingPathComponent("utf16.csv")
        try Data([0xFF, 0xFE]).appending(try #require("UserID\r\n".data(using: .utf16LittleEndian))).write(to: utf16)
        #expect(try apply(utf16.path, url).stderr.contains("save it as \"CSV UTF-8\""))
        let noAccount = try CommandRunner.run(["apply", path.path, "--endpoint", url] + connection, environment: env)
        #expect(noAccount.status == 2 && noAccount.stderr.contains("give --account ID"))
        let header = dir.appendingPathComponent("header.csv")
        try "UserID,Remark,Colour\nc0001,a,b\n".write(to: header, atomically: true, encoding: .utf8)
        let unknown = try apply(header.path, url)
        #expect(unknown.status == 2 && unknown.stderr.contains("\(header.path):1: Colour: unknown column"), "\(unknown.stderr)")
    }
}

extension Data {
    func appending(_ other: Data) -> Data { var d = self; d.append(other); return d }
}

/// `--import FILE.csv` in a real terminal: the edited cells are staged and shown on the change-set screen as
/// old -> new before anything is sent.
@Suite(.serialized) struct CSVImportEndToEndTests {
    @Test func anImportedCSVShowsItsChangesOnTheChangeSetScreen() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText])
        // The demo emulator starts from the same seed as `contactdesk sandbox`: its list is the one the TUI opens.
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        let list = try CommandRunner.run(["friends", "list", "--account", "demo_alice", "--format", "csv", "--endpoint", url,
                                          "--sdkappid", "\(TestCredentials.sdkAppID)", "--admin", TestCredentials.admin], environment: env).stdout
        var lines = list.components(separatedBy: "\r\n")
        var c1 = CSVApplyTests.cells(lines[1]), c2 = CSVApplyTests.cells(lines[2])
        #expect(c1[0] == "c0001" && c2[0] == "c0002")
        let oldRemark = c1[2]
        c1[2] = "表格里改的备注"
        c2[5] = "platinum"
        lines[1] = CSVApplyTests.line(c1); lines[2] = CSVApplyTests.line(c2)
        let path = dir.appendingPathComponent("edited.csv").path
        try Data(lines.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))

        let t = try EditingEndToEndTests.session("demo_alice", state: dir, extra: " --import \(path)")
        try t.waitFor("Staged changes found")
        try t.send("r")
        try t.waitFor("resumed") { !$0.contains("Staged changes found") && $0.contains("│ 50 friends │") && $0.contains("│ 2 staged │") }
        let rows = try EditingEndToEndTests.changeSetLines(t)
        #expect(rows.count == 2, "\(rows)")
        #expect(rows.contains { $0.contains("c0001") && $0.contains("\"\(oldRemark)\" -> \"表格里改的备注\"") }, "\(rows)")
        #expect(rows.contains { $0.contains("c0002") && $0.contains("Tier") && $0.contains("-> \"platinum\"") }, "\(rows)")
        try t.send("q")
        try t.waitFor("Quit ContactDesk?")
        try t.send("y")
        try t.waitFor("EXIT=0")
    }
}

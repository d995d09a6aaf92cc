import ChatAPI
import ContactEditing
import Foundation
import Testing
import TestSupport

/// `contactdesk apply FILE` against the emulator, one test per exit status.
@Suite struct ApplyCommandTests {
    let dir: URL
    init() throws { dir = try CommandRunner.temporaryDirectory() }
    var env: [String: String] { CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText]) }

    func file(_ entries: [(String, FieldKey, FieldValue, Intent)], app: UInt64 = TestCredentials.sdkAppID) throws -> String {
        var set = ChangeSet()
        for (friend, field, base, intent) in entries {
            set.stage(EntryKey(app: app, account: "demo_alice", friend: friend, field: field), base: base, intent: intent)
        }
        let url = dir.appendingPathComponent("changes-\(UUID().uuidString).json")
        try ChangeSetFile(set: set, app: app, account: "demo_alice").encoded().write(to: url)
        return url.path
    }

    func apply(_ path: String, _ url: String, _ extra: [String] = []) throws -> CommandRunner.Output {
        try CommandRunner.run(["apply", path, "--endpoint", url, "--sdkappid", "\(TestCredentials.sdkAppID)", "--admin", TestCredentials.admin] + extra,
                              environment: env)
    }

    @Test func exitStatusesZeroOneAndTwo() throws {
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())

        let good = try file([("c0001", .remark, .text("ramen shop owner 黄芳"), .set("applied by apply"))])
        let dry = try apply(good, url, ["--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("c0001  would send Tag_SNS_IM_Remark=\"applied by apply\"") && dry.stdout.contains("nothing was sent"))
        let ok = try apply(good, url)
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("c0001  ✓") && ok.stdout.contains("1 applied, 0 failed"))

        // A stale base (a conflict): exit 1, one line.
        let stale = try file([("c0002", .remark, .text("not what the server has"), .set("mine"))])
        let partial = try apply(stale, url)
        #expect(partial.status == 1 && partial.stdout.contains("c0002  ! conflict: remark"), "\(partial.stdout)\(partial.stderr)")

        // Usage and configuration errors: exit 2.
        let otherApp = try file([("c0001", .remark, .text(""), .set("x"))], app: 42)
        let wrong = try apply(otherApp, url)
        #expect(wrong.status == 2 && wrong.stderr.contains("made for SDKAppID 42"))
        #expect(try apply(dir.appendingPathComponent("missing.json").path, url).status == 2)
        #expect(try CommandRunner.run(["apply"], environment: env).status == 2)

        let audit = try CommandRunner.run(["audit", "--format", "json"], environment: env)
        #expect(try JSONValue.parse(Data(audit.stdout.utf8)).elements.count == 2)
    }

    func friendUpdates(_ url: String) throws -> Int {
        let calls = try CommandRunner.run(["-s", url + "/_sandbox/calls"], environment: ["PATH": "/usr/bin:/bin"],
                                          executable: URL(fileURLWithPath: "/usr/bin/curl")).stdout
        return Int(try JSONValue.parse(Data(calls.utf8))["sns/friend_update"]?.int ?? 0)
    }

    /// Nothing unvalidated is sent: one bad entry refuses the whole file before any call, naming the friend,
    /// the field and the limit; --skip-invalid sends the rest.
    @Test func oneInvalidEntryRefusesTheWholeFile() throws {
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        // Groups never conflict, whatever the demo data holds: the valid entry always applies.
        let good = ("c0002", FieldKey.groups, FieldValue.groups([]), Intent.groups(add: ["Valid"], remove: []))
        let cases: [([(String, FieldKey, FieldValue, Intent)], [String], String)] = [
            ([good, ("c0001", .remark, .text("ramen shop owner 黄芳"), .set(String(repeating: "长", count: 33)))], [],
             "c0001 remark: 99 bytes, the limit is 96 bytes"),
            ([good, ("c0003", .custom("Nope"), .text(""), .set("x"))], [], "c0003 custom:Nope: not configured for this app"),
            ([good, ("c0099", .remark, .text(""), .set("x"))], [], "c0099 remark: not a friend of demo_alice"),
            ([good, ("c0004", .groups, .groups([]), .groups(add: [String(repeating: "g", count: 31)], remove: []))], [],
             "c0004 groups: 31 bytes, the limit is 30 bytes"),
        ]
        for (entries, extra, message) in cases {
            let path = try file(entries)
            for args in [extra, extra + ["--dry-run"]] {
                let out = try apply(path, url, args)
                #expect(out.status == 2, "\(message): \(out.stdout)\(out.stderr)")
                #expect(out.stderr.contains("\(path): \(message)") && out.stderr.contains("refused, nothing was sent"), "\(out.stderr)")
            }
        }
        #expect(try friendUpdates(url) == 0)

        let skipping = try apply(try file([good, ("c0099", .remark, .text(""), .set("x"))]), url, ["--skip-invalid"])
        #expect(skipping.status == 0 && skipping.stdout.contains("c0002  ✓") && !skipping.stdout.contains("c0099"), "\(skipping.stdout)\(skipping.stderr)")
        #expect(skipping.stderr.contains("skipping 1 invalid entry"))
        #expect(try friendUpdates(url) == 1)

        // A configured custom field is accepted when the profile or --custom-field names it.
        let tier = try file([("c0003", .custom("Tier"), .text("x"), .set("gold"))])
        #expect(try apply(tier, url).status == 2)
        let named = try apply(tier, url, ["--custom-field", "Tier"])
        #expect(named.status != 2, "\(named.stderr)")
    }

    @Test func aFileThatIsNotAChangeSetExitsTwoWithAPlainMessage() throws {
        let junk = dir.appendingPathComponent("junk.json")
        try Data("{ UserID,Remark\nc0001,x\n".utf8).write(to: junk)
        let out = try apply(junk.path, "http://127.0.0.1:9")
        #expect(out.status == 2 && out.stderr.contains("\(junk.path): not a ContactDesk change-set file"), "\(out.stderr)")
        // Without a `{` it is read as a friend CSV, which names no account.
        let csv = dir.appendingPathComponent("list.csv")
        try Data("UserID,Remark\nc0001,x\n".utf8).write(to: csv)
        let noAccount = try apply(csv.path, "http://127.0.0.1:9")
        #expect(noAccount.status == 2 && noAccount.stderr.contains("\(csv.path) is a CSV, which names no account: give --account ID"), "\(noAccount.stderr)")
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"version":2,"app":\#(TestCredentials.sdkAppID),"account":"demo_alice","entries":[{"friend":"c0001","field":"remark","from":"","add":["X"]}]}"#.utf8).write(to: bad)
        let refused = try apply(bad.path, "http://127.0.0.1:9")
        #expect(refused.status == 2 && refused.stderr.contains("entry 1 (c0001 remark): \"add\" does not fit remark"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("DecodingError"))
    }

    /// --import goes through the same checks: a file with an over-limit remark stages nothing.
    @Test func importRefusesAnInvalidFileBeforeStagingAnything() throws {
        let path = try file([("c0001", .remark, .text("x"), .set(String(repeating: "长", count: 33))),
                             ("c0002", .remark, .text("x"), .set("fine"))])
        let out = try CommandRunner.run(["--demo", "--import", path], environment: env.merging(["TERM": "xterm-256color"]) { $1 })
        #expect(out.status == 2, "\(out.stdout)\(out.stderr)")
        #expect(out.stderr.contains("--import \(path): c0001 remark: 99 bytes, the limit is 96 bytes") && out.stderr.contains("nothing was staged"),
                "\(out.stderr)")
        let journal = try Journal(url: dir.appendingPathComponent("state/contactdesk/journal.sqlite"))
        #expect(try journal.load(app: TestCredentials.sdkAppID, account: "demo_alice").isEmpty)
    }
}

/// A remark full of control characters, applied from a file: `apply` (dry run and real), `audit` in table and
/// csv-free JSON carry none of them raw, and show them escaped.
@Suite struct ApplyAndAuditEscapeTests {
    @Test func applyAndAuditWriteNoControlCharacter() throws {
        let t = try ApplyCommandTests()
        let sandbox = try BackgroundProcess(["sandbox"], environment: t.env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        // Every C0 but NUL, DEL, a few C1 and a bidi override, within the 96-byte remark limit.
        let evil = String(String.UnicodeScalarView((0x01...0x1F).compactMap(Unicode.Scalar.init))) + "\u{7f}\u{85}\u{9b}\u{202e}z"
        let path = try t.file([("c0001", .remark, .text("ramen shop owner 黄芳"), .set(evil))])
        let dry = try t.apply(path, url, ["--dry-run"])
        for run in [dry, try t.apply(path, url)] {
            #expect(TerminalSafetyEndToEndTests.controls(in: run.stdout + run.stderr).isEmpty, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("c0001"), "\(run.stdout)\(run.stderr)")
        }
        // The remark's line feed cannot split the dry run's line: what precedes and follows it share the c0001 line.
        let line = dry.stdout.split(separator: "\n").first { $0.contains("c0001") } ?? ""
        #expect(line.contains("\\x08") && line.contains("\\x0b") && line.contains("\\u202ez"), "\(dry.stdout)")
        let table = try CommandRunner.run(["audit"], environment: t.env)
        #expect(TerminalSafetyEndToEndTests.controls(in: table.stdout).isEmpty && table.stdout.contains("\\x01\\x02"), "\(table.stdout)")
        let json = try CommandRunner.run(["audit", "--format", "json"], environment: t.env)
        #expect(TerminalSafetyEndToEndTests.controls(in: json.stdout).isEmpty)
        #expect(try JSONValue.parse(Data(json.stdout.utf8)).elements.first?["new"] == .string(evil), "JSON reads back the applied text")
    }
}

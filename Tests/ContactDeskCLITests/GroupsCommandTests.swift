import ChatAPI
import ContactEditing
import Foundation
import Testing
import TestSupport

/// `contactdesk groups …` against the emulator: rename, delete and merge move every member and lose none, a
/// rename killed half way finishes on the next run, the limit is a 30011 refusal (exit 1), bad names are
/// refused before any call (exit 2), and every change is audited.
@Suite struct GroupsCommandTests {
    let dir: URL
    init() throws { dir = try CommandRunner.temporaryDirectory() }
    var env: [String: String] { CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText]) }

    func groups(_ url: String, _ args: [String]) throws -> CommandRunner.Output {
        try CommandRunner.run(["groups"] + args + ["--endpoint", url, "--sdkappid", "\(TestCredentials.sdkAppID)", "--admin", TestCredentials.admin],
                              environment: env)
    }

    /// The account's groups as `groups list --format json` prints them: name -> friends, in the service's order.
    func list(_ url: String, _ account: String) throws -> [(String, Int)] {
        let out = try groups(url, ["list", "--account", account, "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        return try JSONValue.parse(Data(out.stdout.utf8)).elements.map { ($0["name"]?.string ?? "?", Int($0["friends"]?.int ?? -1)) }
    }

    /// Each friend's groups, from `friends list --format json`.
    func memberships(_ url: String, _ account: String) throws -> [String: [String]] {
        let out = try CommandRunner.run(["friends", "list", "--account", account, "--format", "json", "--endpoint", url,
                                         "--sdkappid", "\(TestCredentials.sdkAppID)", "--admin", TestCredentials.admin], environment: env)
        var map: [String: [String]] = [:]
        for row in try JSONValue.parse(Data(out.stdout.utf8)).elements {
            map[row["UserID"]?.string ?? "?"] = row["Groups"]?.elements.compactMap(\.string) ?? []
        }
        return map
    }

    func audit() throws -> [JSONValue] {
        try JSONValue.parse(Data(try CommandRunner.run(["audit", "--format", "json"], environment: env).stdout.utf8)).elements
    }

    static func calls(_ url: String) throws -> [String: Int] {
        let text = try CommandRunner.run(["-s", url + "/_sandbox/calls"], environment: ["PATH": "/usr/bin:/bin"],
                                         executable: URL(fileURLWithPath: "/usr/bin/curl")).stdout
        guard case .object(let o) = try JSONValue.parse(Data(text.utf8)) else { return [:] }
        return o.compactMapValues { $0.int.map(Int.init) }
    }

    static func seed(_ url: String, owner: String, _ groupsOfFriends: [([String], [String])]) async throws {
        let client = try TestClients.make(baseURL: url)
        for (friends, groups) in groupsOfFriends { try await TestSandbox.seed(client, owner: owner, friends: friends, groups: groups) }
    }

    static func ids(_ prefix: String, _ n: Int) -> [String] { (1...n).map { String(format: "\(prefix)%04d", $0) } }

    @Test func renameMovesEveryMemberInPlaceAndDeletesTheOldGroup() async throws {
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        let members = Self.ids("m", 10), others = Self.ids("o", 5)
        try await Self.seed(url, owner: "gr_owner", [(members, ["VIP", "Billing", "Zeta"]), (others, ["VIP"])])

        let dry = try groups(url, ["rename", "--account", "gr_owner", "Billing", "账单", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("m0001  would send friend_update groups: VIP,Billing,Zeta -> VIP,账单,Zeta"), "\(dry.stdout)")
        #expect(dry.stdout.contains("would send group_add 账单") && dry.stdout.contains("would send group_delete Billing"))
        #expect(try list(url, "gr_owner").map(\.0) == ["VIP", "Billing", "Zeta"], "a dry run sends nothing")

        let out = try groups(url, ["rename", "--account", "gr_owner", "Billing", "账单"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.split(separator: "\n").filter { $0.contains("VIP,Billing,Zeta -> VIP,账单,Zeta  ✓") }.count == 10, "\(out.stdout)")
        #expect(out.stdout.contains("rename group Billing -> 账单  ✓"))
        let after = try list(url, "gr_owner")
        #expect(after.map(\.0) == ["VIP", "Zeta", "账单"] && after.map(\.1) == [15, 10, 10], "\(after)")
        let lists = try memberships(url, "gr_owner")
        #expect(members.allSatisfy { lists[$0] == ["VIP", "账单", "Zeta"] }, "renamed in place: \(lists)")
        #expect(others.allSatisfy { lists[$0] == ["VIP"] }, "other friends untouched")

        let records = try audit()
        let moves = records.filter { $0["field"]?.string == "groups" }
        #expect(Set(moves.compactMap { $0["friend"]?.string }) == Set(members) && moves.allSatisfy { $0["code"]?.int == 0 })
        #expect(moves.allSatisfy { $0["old"]?.string == "VIP,Billing,Zeta" && $0["new"]?.string == "VIP,账单,Zeta" })
        let groupRecords = records.filter { $0["field"]?.string == "group" }.map { [$0["old"]?.string ?? "?", $0["new"]?.string ?? "?"] }
        #expect(groupRecords == [["", "账单"], ["Billing", ""]], "created then deleted: \(groupRecords)")
    }

    @Test func deleteWithMembersAndMergeKeepEveryFriend() async throws {
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        let a = Self.ids("a", 3), b = Self.ids("b", 2), both = ["ab0001"]
        try await Self.seed(url, owner: "gm_owner", [(a, ["Old", "A", "Keep"]), (b, ["B"]), (both, ["B", "A"])])

        let deleted = try groups(url, ["delete", "--account", "gm_owner", "Old"])
        #expect(deleted.status == 0 && deleted.stdout.contains("a0001  Old,A,Keep -> A,Keep  ✓"), "\(deleted.stdout)\(deleted.stderr)")
        let merged = try groups(url, ["merge", "--account", "gm_owner", "A", "B"])
        #expect(merged.status == 0 && merged.stdout.contains("merge group A into B  ✓"), "\(merged.stdout)\(merged.stderr)")
        let lists = try memberships(url, "gm_owner")
        #expect(a.allSatisfy { lists[$0] == ["B", "Keep"] }, "A replaced by B in place: \(lists)")
        #expect(lists["ab0001"] == ["B"] && b.allSatisfy { lists[$0] == ["B"] }, "a friend in both is in B once")
        #expect(try list(url, "gm_owner").map { "\($0.0)=\($0.1)" } == ["Keep=3", "B=6"])
        #expect(lists.count == 6, "every friend is still a friend")
        let records = try audit()
        #expect(records.filter { $0["field"]?.string == "groups" }.count == 3 + 4)
        #expect(records.filter { $0["field"]?.string == "group" }.compactMap { $0["old"]?.string } == ["Old", "A"])
        // Merging into a group that is not there, or into itself: usage errors, nothing sent.
        let before = try Self.calls(url)["sns/friend_update"] ?? 0
        #expect(try groups(url, ["merge", "--account", "gm_owner", "B", "Nope"]).status == 2)
        #expect(try groups(url, ["merge", "--account", "gm_owner", "B", "B"]).status == 2)
        #expect(try groups(url, ["rename", "--account", "gm_owner", "B", "Keep"]).stderr.contains("merge instead"))
        #expect((try Self.calls(url)["sns/friend_update"] ?? 0) == before)
    }

    @Test func aThirtyThirdGroupIsRefusedWith30011AndBadNamesBeforeAnyCall() async throws {
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        try await Self.seed(url, owner: "gl_owner", [(["f0001"], (1...32).map { String(format: "G%02d", $0) })])
        let full = try groups(url, ["add", "--account", "gl_owner", "G33"])
        #expect(full.status == 1, "\(full.stdout)\(full.stderr)")
        #expect(full.stdout.contains("✗ 30011 friend-list group limit reached") && full.stdout.contains("nothing was sent"))
        #expect(full.stdout.contains("delete or merge an unused group first"))
        #expect(try Self.calls(url)["sns/group_add"] == nil, "refused before any write")

        let callsBefore = try Self.calls(url).values.reduce(0, +)
        let bad: [(String, String)] = [("", "empty; a group needs a name of 1 to 30 bytes"),
                                       (String(repeating: "x", count: 31), "31 bytes, the limit is 30 bytes of UTF-8; shorten it by 1 byte"),
                                       (String(repeating: "组", count: 11), "33 bytes, the limit is 30 bytes of UTF-8; shorten it by 3 bytes")]
        for (name, message) in bad {
            for args in [["add", name], ["rename", "G01", name], ["merge", name, "G01"]] {
                let out = try groups(url, [args[0], "--account", "gl_owner"] + args.dropFirst())
                #expect(out.status == 2 && out.stderr.contains(message), "\(args): \(out.stderr)")
            }
        }
        #expect(try Self.calls(url).values.reduce(0, +) == callsBefore, "no call for a bad name")
        #expect(try list(url, "gl_owner").count == 32)

        // Deleting frees a slot: the group that was refused is created.
        #expect(try groups(url, ["delete", "--account", "gl_owner", "G01", "G02"]).status == 0)
        let retried = try groups(url, ["add", "--account", "gl_owner", "G33"])
        #expect(retried.status == 0 && retried.stdout.contains("create group G33  ✓"), "\(retried.stdout)")
        #expect(try audit().filter { $0["field"]?.string == "group" }.compactMap { $0["new"]?.string }.last == "G33")

        // Refused by the service itself (its own 30011): exit 1, audited, and not retried by the next command.
        _ = try CommandRunner.run(["-s", "-d", #"{"add":["sns/group_add:code=30011x1"]}"#, url + "/_sandbox/faults"],
                                  environment: ["PATH": "/usr/bin:/bin"], executable: URL(fileURLWithPath: "/usr/bin/curl"))
        #expect(try groups(url, ["delete", "--account", "gl_owner", "G03"]).status == 0)
        let refused = try groups(url, ["add", "--account", "gl_owner", "Refused"])
        #expect(refused.status == 1 && refused.stdout.contains("create group Refused  ✗ 30011"), "\(refused.stdout)\(refused.stderr)")
        let next = try groups(url, ["add", "--account", "gl_owner", "Next"])
        #expect(next.status == 0 && !next.stdout.contains("finishing") && !next.stdout.contains("Refused"), "\(next.stdout)")
        #expect(try audit().filter { $0["field"]?.string == "group" && $0["new"]?.string == "Refused" }.map { $0["code"]?.int } == [30011])
    }

    /// kill -9 after the first of two friend_update calls: half the members are in the new group, half in the
    /// old; the next run finishes the rename and no member is lost or audited twice.
    @Test func aRenameKilledHalfWayFinishesOnTheNextRun() async throws {
        // Writes are not serialized, so the held call (it never completes) does not hold the account for the rerun.
        let sandbox = try BackgroundProcess(["sandbox", "--no-serialize-writes"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        let members = Self.ids("k", 2000)
        try await Self.seed(url, owner: "gk_owner", [(members, ["Big", "Other"])])
        // The second friend_update is held, then dropped unprocessed: the process is killed while it waits.
        _ = try CommandRunner.run(["-s", "-d", #"{"add":["sns/friend_update:hang=120000x1,after=1"]}"#, url + "/_sandbox/faults"],
                                  environment: ["PATH": "/usr/bin:/bin"], executable: URL(fileURLWithPath: "/usr/bin/curl"))
        let run = try BackgroundProcess(["groups", "rename", "--account", "gk_owner", "Big", "Huge", "--endpoint", url,
                                         "--sdkappid", "\(TestCredentials.sdkAppID)", "--admin", TestCredentials.admin], environment: env)
        try await waitUntil("the second friend_update is on the wire") { (try Self.calls(url)["sns/friend_update"] ?? 0) >= 2 }
        kill(run.process.processIdentifier, SIGKILL)
        run.process.waitUntilExit()
        let half = try list(url, "gk_owner")
        #expect(half.contains { $0 == ("Big", 1000) } && half.contains { $0 == ("Huge", 1000) }, "half moved when killed: \(half)")

        let again = try groups(url, ["rename", "--account", "gk_owner", "Big", "Huge"])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("finishing an interrupted operation: rename group Big -> Huge"))
        let done = try list(url, "gk_owner")
        #expect(done.map { "\($0.0)=\($0.1)" } == ["Other=2000", "Huge=2000"], "\(done)")
        let lists = try memberships(url, "gk_owner")
        #expect(lists.count == 2000 && members.allSatisfy { lists[$0] == ["Huge", "Other"] })
        let moves = try audit().filter { $0["field"]?.string == "groups" && $0["code"]?.int == 0 }.compactMap { $0["friend"]?.string }
        #expect(moves.count == 2000 && Set(moves) == Set(members), "each member audited once")
    }

    func waitUntil(_ what: String, timeout: Double = 30, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            guard Date() < deadline else { Issue.record("timed out waiting for \(what)"); return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

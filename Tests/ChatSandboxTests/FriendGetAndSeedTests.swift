import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation
import Testing
import TestSupport

/// friend_get paging and sequences, lookups, groups, the demo seed and the state file.
@Suite struct FriendGetAndSeedTests {
    @Test func friendGetPagesInHundredsAndSequencesTrackChanges() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: (0..<250).map { "f\($0)" }, custom: ["Test": "v"])
            let first = try await client.friendGetAll(account: "o")
            #expect(first.pages == 3 && first.friends.count == 250 && first.friendNum == 250)
            #expect(first.friends[0].valueItem?.value(for: FriendTag.custom("Test")) == .string("v"))
            let std = try #require(first.standardSequence), cus = try #require(first.customSequence)

            // Nothing changed: one call, no data.
            await server.resetCallCounts()
            let same = try await client.friendGetAll(account: "o", standardSequence: std, customSequence: cus)
            #expect(same.pages == 1 && same.friends.isEmpty && same.friendNum == 250)
            #expect(await server.callCounts()["sns/friend_get"] == 1)

            // A remark change moves only the standard sequence; the custom data is omitted.
            _ = try await update(client, "o", [("f1", [remark("new")])])
            let afterRemark = try await client.friendGetAll(account: "o", standardSequence: std, customSequence: cus)
            #expect(afterRemark.standardSequence != std && afterRemark.customSequence == cus)
            #expect(afterRemark.friends[1].valueItem?.value(for: FriendTag.remark) == .string("new"))
            #expect(afterRemark.friends[1].valueItem?.value(for: FriendTag.custom("Test")) == nil)

            // A custom field change moves only the custom sequence; the standard data is omitted.
            _ = try await update(client, "o", [("f2", [custom("Test", .string("w"))])])
            let afterCustom = try await client.friendGetAll(account: "o", standardSequence: afterRemark.standardSequence,
                                                           customSequence: cus)
            #expect(afterCustom.standardSequence == afterRemark.standardSequence && afterCustom.customSequence != cus)
            #expect(afterCustom.friends[2].valueItem?.value(for: FriendTag.custom("Test")) == .string("w"))
            #expect(afterCustom.friends[2].valueItem?.value(for: FriendTag.remark) == nil)
        }
    }

    @Test func friendGetListAnswersPerFriend() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"])
            let reply = try await client.call(.friendGetList, account: "o",
                                              FriendGetListRequest(fromAccount: "o", toAccount: ["f1", "x", "f2"],
                                                                   tagList: [FriendTag.remark, FriendTag.nick]), as: FriendGetListPayload.self)
            #expect(reply.payload.infoItem?.map(\.resultCode) == [0, 30001, 0] && reply.payload.failAccount == ["x"])
            #expect(reply.payload.infoItem?[0].snsProfileItem?.value(for: FriendTag.remark) == .string("remark of f1"))
            await expectCallFailure(30001, "at most 100") {
                _ = try await client.call(.friendGetList, account: "o",
                                          FriendGetListRequest(fromAccount: "o", toAccount: (0..<101).map { "f\($0)" }, tagList: []),
                                          as: FriendGetListPayload.self)
            }
        }
    }

    @Test func groupAddAndDeleteFollowTheirRules() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            let added = try await client.groupAdd(account: "o", groups: ["Team"], friends: ["f1", "stranger"])
            #expect(added.resultItem?.map(\.resultCode) == [0, 32216] && added.failAccount == ["stranger"])
            let g = try await client.groupGet(account: "o", withFriends: true)
            #expect(g.resultItem == [GroupItem(groupName: "Team", friendNumber: 1, toAccount: ["f1"])])
            await expectCallFailure(30011) { _ = try await client.groupAdd(account: "o", groups: (1...32).map { "n\($0)" }) }
            await expectCallFailure(30001) { _ = try await client.groupDelete(account: "o", groups: ["missing"]) }
            _ = try await client.groupDelete(account: "o", groups: ["Team"])
            #expect(try await friends(client, "o")["f1"]?.value(for: FriendTag.group) == .strings([]))
        }
    }

    @Test func portraitGetAndAccountCheck() async throws {
        try await TestSandbox.with(try TestSandbox.config(seed: .demo), retry: once) { _, client in
            let p = try await client.portraitGet(accounts: ["c0001", "ghost"])
            #expect(p[0].resultCode == 0 && p[0].profileItem?.value(for: FriendTag.nick)?.stringValue?.isEmpty == false)
            #expect(p[1].resultCode == 70107)
            let check = try await client.accountCheck(["demo_alice", "ghost"])
            #expect(check.map(\.isImported) == [true, false])
        }
    }

    @Test func theDemoSeedHasTheDocumentedShape() async throws {
        try await TestSandbox.with(try TestSandbox.config(seed: .demo, customFields: []), retry: once) { _, client in
            for (account, count) in [("demo_empty", 0), ("demo_solo", 1), ("demo_alice", 50), ("demo_shop", 3000)] {
                #expect(try await client.friendGetAll(account: account).friends.count == count, "\(account)")
            }
            #expect(try await client.groupGet(account: "demo_full").resultItem?.count == 32)
            let roster = try await RosterLoader(client: client).load(account: "demo_alice")
            #expect(roster.customFields.count >= 2)
            let text = roster.friends.map { $0.nickname + $0.remark }.joined()
            #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "Chinese")
            #expect(text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) }, "Japanese kana")
            #expect(text.unicodeScalars.contains { $0.properties.isEmojiPresentation }, "emoji")
            #expect(roster.friends.allSatisfy { !$0.nickname.isEmpty && $0.remark.utf8.count <= 96 })
            // Deterministic: a second emulator has the same data.
            let again = try await TestSandbox.with(try TestSandbox.config(seed: .demo, customFields: []), retry: once) { _, client in
                try await RosterLoader(client: client).load(account: "demo_alice")
            }
            #expect(again == roster)
            // The account at the group limit refuses a 33rd group.
            let full = try await update(client, "demo_full", [("c0001", [groups(["G01", "one more"])])])
            #expect(rowCodes(full).codes == ["c0001": 30011])
        }
    }

    @Test func theStateFileSurvivesARestart() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sandbox.json")
        try await TestSandbox.with(try TestSandbox.config(statePath: path), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            _ = try await update(client, "o", [("f1", [remark("持久化 ✓")])])
        }
        #expect(FileManager.default.fileExists(atPath: path.path))
        let restored = try await TestSandbox.with(try TestSandbox.config(statePath: path), retry: once) { _, client in
            try await friends(client, "o")["f1"]?.value(for: FriendTag.remark)
        }
        #expect(restored == .string("持久化 ✓"))
    }

    @Test func setUpCommandsBuildStateLikeARealApp() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            _ = try await client.call(Command("im_open_login_svc/account_import", isWrite: true), account: nil,
                                      ["UserID": "a", "Nick": "Ann"], as: EmptyPayload.self)
            _ = try await client.call(Command("im_open_login_svc/account_import", isWrite: true), account: nil,
                                      ["UserID": "b"], as: EmptyPayload.self)
            _ = try await client.call(Command("profile/portrait_set", isWrite: true), account: "b",
                                      ["From_Account": JSONValue.string("b"), "ProfileItem": .array([.object(["Tag": .string(FriendTag.nick), "Value": .string("Bea")])])],
                                      as: EmptyPayload.self)
            let add = try await client.call(Command("sns/friend_add", isWrite: true), account: "a", [
                "From_Account": JSONValue.string("a"), "AddType": .string("Add_Type_Both"), "ForceAddFlags": .integer(1),
                "AddFriendItem": .array([.object(["To_Account": .string("b"), "AddSource": .string("AddSource_Type_Web"), "Remark": .string("bee")])]),
            ], as: FriendUpdatePayload.self)
            #expect(add.payload.resultItem?.map(\.resultCode) == [0])
            #expect(try await friends(client, "b")["a"] != nil)
            let again = try await client.call(Command("sns/friend_add", isWrite: true), account: "a", [
                "From_Account": JSONValue.string("a"),
                "AddFriendItem": .array([.object(["To_Account": .string("b"), "AddSource": .string("AddSource_Type_Web")])]),
            ], as: FriendUpdatePayload.self)
            #expect(again.payload.resultItem?.map(\.resultCode) == [30001])
            let del = try await client.call(Command("sns/friend_delete", isWrite: true), account: "a",
                                            ["From_Account": JSONValue.string("a"), "To_Account": .array([.string("b")]), "DeleteType": .string("Delete_Type_Both")],
                                            as: FriendUpdatePayload.self)
            #expect(del.payload.resultItem?.map(\.resultCode) == [0])
            let (fa, fb) = (try await friends(client, "a"), try await friends(client, "b"))
            #expect(fa.isEmpty && fb.isEmpty)
            #expect(try await client.portraitGet(accounts: ["b"])[0].profileItem?.value(for: FriendTag.nick) == .string("Bea"))
        }
    }
}

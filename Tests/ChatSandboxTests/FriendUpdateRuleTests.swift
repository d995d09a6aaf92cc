import ChatAPI
import ChatSandbox
import Foundation
import Testing
import TestSupport

/// friend_update's documented rules at both failure levels, through ChatClient over libcurl.
@Suite struct FriendUpdateRuleTests {
    @Test func moreThanAThousandItemsFailTheWholeCall() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            let items = (0..<1001).map { ("f\($0)", [remark("x")]) }
            await expectCallFailure(30001, "at most 1000") { _ = try await update(client, "o", items) }
            let ok = try await update(client, "o", Array(items.prefix(1000)))
            #expect(ok.envelope.errorCode == 0 && ok.payload.resultItem?.count == 1000)
        }
    }

    @Test func onlyRemarkGroupAndCustomTagsAreWritable() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            await expectCallFailure(30001, "Tag_SNS_IM_AddSource") {
                _ = try await update(client, "o", [("f1", [TagValue(tag: FriendTag.addSource, value: .string("AddSource_Type_X"))])])
            }
            await expectCallFailure(30001, "Tag_Profile_IM_Nick") {
                _ = try await update(client, "o", [("f1", [TagValue(tag: FriendTag.nick, value: .string("n"))])])
            }
        }
    }

    @Test func remarkLimitIsNinetySixBytesPerRow() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"])
            let ok = String(repeating: "备", count: 32)          // 96 bytes
            let long = String(repeating: "备", count: 32) + "x"  // 97 bytes
            let reply = try await update(client, "o", [("f1", [remark(ok)]), ("f2", [remark(long)])])
            let (codes, failed) = rowCodes(reply)
            #expect(codes == ["f1": 0, "f2": 30001] && failed == ["f2"])
            #expect(reply.payload.resultItem?[1].resultInfo?.contains("97 bytes") == true)
            let now = try await friends(client, "o")
            #expect(now["f1"]?.value(for: FriendTag.remark) == .string(ok))
            #expect(now["f2"]?.value(for: FriendTag.remark) == .string("remark of f2"))
        }
    }

    @Test func groupNamesMustBeNonEmptyAndAtMostThirtyBytes() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2", "f3"])
            let reply = try await update(client, "o", [
                ("f1", [groups([""])]), ("f2", [groups([String(repeating: "a", count: 31)])]),
                ("f3", [groups([String(repeating: "组", count: 10)])]),  // exactly 30 bytes
            ])
            #expect(rowCodes(reply).codes == ["f1": 30001, "f2": 30001, "f3": 0])
            #expect(rowCodes(reply).failed.sorted() == ["f1", "f2"])
        }
    }

    @Test func theThirtyThirdGroupFailsItsRowWith30011AndOtherRowsApply() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2", "f3"], groups: (1...31).map { "g\($0)" })
            let reply = try await update(client, "o", [
                ("f1", [remark("only a remark")]), ("f2", [groups(["new1", "new2"])]), ("f3", [groups(["g1", "new3"])]),
            ])
            #expect(reply.envelope.errorCode == 0 && reply.envelope.actionStatus == "OK")
            #expect(rowCodes(reply).codes == ["f1": 0, "f2": 30011, "f3": 0])
            #expect(rowCodes(reply).failed == ["f2"])
            #expect(ErrorCatalog.inline(30011) == "30011 friend-list group limit reached (32)")
            let g = try await client.groupGet(account: "o")
            #expect(g.resultItem?.count == 32 && g.resultItem?.last?.groupName == "new3")
        }
    }

    @Test func aNonFriendIsARowFailure() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            let reply = try await update(client, "o", [("stranger", [remark("x")]), ("f1", [remark("y")])])
            #expect(rowCodes(reply).codes == ["stranger": 30001, "f1": 0] && rowCodes(reply).failed == ["stranger"])
        }
    }

    @Test func anUnconfiguredCustomFieldFailsTheWholeCall() async throws {
        try await TestSandbox.with(try TestSandbox.config(customFields: ["Test"]), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"])
            await expectCallFailure(30001, "Invalid field: Tag_SNS_Custom_Nope") {
                _ = try await update(client, "o", [("f1", [remark("a")]), ("f2", [custom("Nope", .string("v"))])])
            }
            // Nothing of that call was applied.
            #expect(try await friends(client, "o")["f1"]?.value(for: FriendTag.remark) == .string("remark of f1"))
        }
    }

    @Test func integersAreRejectedForCustomFieldsAndLongValuesToo() async throws {
        try await TestSandbox.with(try TestSandbox.config(customFields: ["Test"]), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2", "f3"])
            let reply = try await update(client, "o", [
                ("f1", [custom("Test", .integer(7))]), ("f2", [custom("Test", .string(String(repeating: "v", count: 501)))]),
                ("f3", [custom("Test", .string(String(repeating: "v", count: 500)))]),
            ])
            #expect(rowCodes(reply).codes == ["f1": 30001, "f2": 30001, "f3": 0])
        }
    }

    @Test func anUnknownAccountIs30003() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            await expectCallFailure(30003, "nobody") { _ = try await update(client, "nobody", [("f1", [remark("x")])]) }
            await expectCallFailure(30003) { _ = try await client.groupGet(account: "nobody") }
        }
    }

    @Test func aSensitiveWordIs30005ForItsRow() async throws {
        try await TestSandbox.with(try TestSandbox.config(seed: .demo), retry: once) { server, client in
            let reply = try await update(client, "demo_solo", [("c0001", [remark("买 违禁词 了")])])
            #expect(rowCodes(reply).codes == ["c0001": 30005] && rowCodes(reply).failed == ["c0001"])
        }
    }

    @Test func groupListReplacesTheFriendsGroupsAndCreatesNewOnes() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"], groups: ["old", "keep"])
            _ = try await update(client, "o", [("f1", [groups(["keep", "新组"])])])
            #expect(try await friends(client, "o")["f1"]?.value(for: FriendTag.group) == .strings(["keep", "新组"]))
            #expect(try await client.groupGet(account: "o").resultItem?.map(\.groupName) == ["old", "keep", "新组"])
        }
    }
}

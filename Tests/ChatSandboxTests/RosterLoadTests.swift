import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation
import Testing
import TestSupport

/// Loading and refreshing a friend list against the emulator: prefetched pages, nicknames, sequences.
@Suite struct RosterLoadTests {
    static let owner = "o"

    /// 250 friends (three pages) with nicknames, remarks, a group and a custom field.
    static func seeded(_ client: ChatClient) async throws -> [String] {
        let ids = (0..<250).map { String(format: "f%03d", $0) }
        try await TestSandbox.seed(client, owner: owner, friends: ids, groups: ["G"], custom: ["Test": "v"])
        for id in ids.prefix(3) {
            _ = try await client.call(Command("profile/portrait_set", isWrite: true), account: id,
                                      ["From_Account": JSONValue.string(id),
                                       "ProfileItem": .array([.object(["Tag": .string(FriendTag.nick), "Value": .string("昵称 \(id)")])])],
                                      as: EmptyPayload.self)
        }
        return ids
    }

    @Test func aColdLoadReadsEveryPageInOrderWithNicknames() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            let ids = try await Self.seeded(client)
            await server.resetCallCounts()
            let pages = PageLog()
            let roster = try await RosterLoader(client: client).load(account: Self.owner) { p in
                if case .page(let friends) = p { await pages.add(friends.map(\.id)) }
            }
            #expect(roster.friends.map(\.id) == ids)
            #expect(await pages.ids == ids, "pages are handed on in server order")
            #expect(roster.friends.prefix(3).map(\.nickname) == ["昵称 f000", "昵称 f001", "昵称 f002"])
            #expect(roster.friends.allSatisfy { $0.remark == "remark of \($0.id)" && $0.groups == ["G"] && $0.custom == ["Test": "v"] })
            let calls = await server.callCounts()
            #expect(calls["sns/friend_get"] == 3 && calls["profile/portrait_get"] == 3 && calls["sns/group_get"] == 1)
        }
    }

    @Test func aFailedNicknameCallFailsTheLoad() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["profile/portrait_get:code=30003x1"])) { _, client in
            _ = try await Self.seeded(client)
            await #expect(throws: ChatError.self) { try await RosterLoader(client: client).load(account: Self.owner) }
        }
    }

    @Test func anUnchangedListIsConfirmedWithTwoCalls() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            _ = try await Self.seeded(client)
            let cached = try await RosterLoader(client: client).load(account: Self.owner)
            await server.resetCallCounts()
            let fresh = try await RosterLoader(client: client).refresh(cached)
            #expect(fresh == cached)
            #expect(await server.callCounts() == ["sns/friend_get": 1, "sns/group_get": 1])
        }
    }

    /// After each change on the server, refreshing the cached list gives exactly what a full load gives.
    @Test func aRefreshAfterChangesEqualsAFullLoad() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            let ids = try await Self.seeded(client)
            let loader = RosterLoader(client: client)
            var cached = try await loader.load(account: Self.owner)
            func check(_ what: String, maxFriendGets: Int) async throws {
                await server.resetCallCounts()
                let refreshed = try await loader.refresh(cached)
                let gets = await server.callCounts()["sns/friend_get"] ?? 0
                let full = try await loader.load(account: Self.owner)
                #expect(refreshed == full, "\(what)")
                #expect(gets <= maxFriendGets, "\(what): \(gets) friend_get calls")
                cached = refreshed
            }
            // Standard data only (remark): the reply leaves out custom fields, which come from the cache.
            _ = try await client.friendUpdate(account: Self.owner, items: [UpdateItem(toAccount: ids[7], snsItem: [remark("新的备注")])])
            try await check("remark changed", maxFriendGets: 3)
            #expect(cached.friends[7].remark == "新的备注" && cached.friends[7].custom == ["Test": "v"])
            // Custom data only: remarks and groups come from the cache.
            _ = try await client.friendUpdate(account: Self.owner, items: [UpdateItem(toAccount: ids[9], snsItem: [custom("Test", .string("w"))])])
            try await check("custom field changed", maxFriendGets: 3)
            #expect(cached.friends[9].custom == ["Test": "w"] && cached.friends[9].remark == "remark of f009")
            // A new friend (needs its nickname) and a removed one.
            try await TestSandbox.seed(client, owner: Self.owner, friends: ["new1"])
            _ = try await client.call(Command("sns/friend_delete", isWrite: true), account: Self.owner,
                                      ["From_Account": JSONValue.string(Self.owner), "To_Account": .array([.string(ids[0])])],
                                      as: FriendUpdatePayload.self)
            try await check("friend added and removed", maxFriendGets: 6)
            #expect(cached.friends.contains { $0.id == "new1" } && !cached.friends.contains { $0.id == ids[0] })
        }
    }
}

actor PageLog {
    var ids: [String] = []
    func add(_ page: [String]) { ids += page }
}

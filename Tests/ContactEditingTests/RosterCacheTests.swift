import ChatAPI
import ContactEditing
import Foundation
import Testing
import TestSupport

@Suite struct RosterCacheTests {
    let dir: URL
    init() throws { dir = try CommandRunner.temporaryDirectory() }

    /// Friends whose text needs every kind of JSON escaping, and tags of every value kind.
    static func roster(_ count: Int, account: String = "acc") -> Roster {
        let friends = (0..<count).map { i in
            var f = Friend(id: "u\(i)", tags: [
                TagValue(tag: FriendTag.remark, value: .string(i == 1 ? "quote \" back \\ nl \n tab \t nul \u{0} bell \u{7} 🐼 田中" : "remark \(i)")),
                TagValue(tag: FriendTag.group, value: .strings(i % 2 == 0 ? ["VIP", "大阪"] : [])),
                TagValue(tag: FriendTag.custom("Tier"), value: .string("gold")),
                TagValue(tag: FriendTag.addSource, value: .string("AddSource_Type_Test")),
                TagValue(tag: FriendTag.addTime, value: .integer(1_700_000_000 + Int64(i))),
                TagValue(tag: "Tag_SNS_IM_Unknown", value: .other(.object(["k": .array([.bool(true), .null, .double(1.5)])]))),
            ])
            f.nickname = i == 2 ? "ニック \"名\"" : "nick \(i)"
            return f
        }
        return Roster(account: account, friends: friends, groups: [GroupSummary(name: "VIP", count: 3), GroupSummary(name: "空", count: 0)],
                      standardSequence: 42, customSequence: 7)
    }

    @Test func aSavedListComesBackExactlyAcrossChunks() throws {
        let url = dir.appendingPathComponent("cache.sqlite")
        let roster = Self.roster(1234)  // three chunks of at most 500
        try RosterCache(url: url).save(roster, app: 7, endpoint: "https://a")
        let loaded = try #require(try RosterCache(url: url).load(app: 7, endpoint: "https://a", account: "acc"))
        #expect(loaded.roster == roster)
        #expect(abs(loaded.savedAt.timeIntervalSinceNow) < 60)
    }

    @Test func listsAreKeptPerAppEndpointAndAccount() throws {
        let cache = try RosterCache(url: dir.appendingPathComponent("cache.sqlite"))
        try cache.save(Self.roster(3), app: 7, endpoint: "https://a")
        #expect(cache.load(app: 8, endpoint: "https://a", account: "acc") == nil)
        #expect(cache.load(app: 7, endpoint: "https://b", account: "acc") == nil)
        #expect(cache.load(app: 7, endpoint: "https://a", account: "other") == nil)
        try cache.drop(app: 7, endpoint: "https://a", account: "acc")
        #expect(cache.load(app: 7, endpoint: "https://a", account: "acc") == nil)
    }

    @Test func aShorterListReplacesALongerOneWithoutLeftovers() throws {
        let cache = try RosterCache(url: dir.appendingPathComponent("cache.sqlite"))
        try cache.save(Self.roster(1200), app: 7, endpoint: "https://a")
        let short = Self.roster(2)
        try cache.save(short, app: 7, endpoint: "https://a")
        #expect(cache.load(app: 7, endpoint: "https://a", account: "acc")?.roster == short)
        try cache.save(Self.roster(0), app: 7, endpoint: "https://a")
        #expect(cache.load(app: 7, endpoint: "https://a", account: "acc")?.roster.friends.isEmpty == true)
    }

    @Test func anUnreadableCacheIsIgnoredNotFatal() throws {
        let url = dir.appendingPathComponent("cache.sqlite")
        let cache = try RosterCache(url: url)
        try cache.save(Self.roster(3), app: 7, endpoint: "https://a")
        // Damage one chunk as a crashed writer or a newer version might leave it.
        let script = "import sqlite3; c = sqlite3.connect('\(url.path)'); c.execute(\"UPDATE roster_chunk SET friends = x'7b6e6f7420'\"); c.commit()"
        _ = try Python.run(script)
        #expect(cache.load(app: 7, endpoint: "https://a", account: "acc") == nil)
        try cache.save(Self.roster(3), app: 7, endpoint: "https://a")
        #expect(cache.load(app: 7, endpoint: "https://a", account: "acc")?.roster == Self.roster(3))
    }

    @Test func friendTagsRoundTrip() {
        for f in Self.roster(3).friends {
            var again = Friend(id: f.id, tags: f.tags)
            again.nickname = f.nickname
            #expect(again == f)
        }
    }
}

import ChatAPI

/// Progress of a roster load, for a screen to show while pages arrive.
public enum RosterProgress: Sendable {
    /// Friends received so far (without nicknames yet).
    case friends([Friend], total: Int?)
    /// Nicknames for some friends.
    case nicknames([String: String])
}

/// Reads an account's friend list, groups and nicknames with as few calls as the API allows.
public struct RosterLoader: Sendable {
    public let client: ChatClient
    public init(client: ChatClient) { self.client = client }

    /// friend_get pages and group_get together, then portrait_get nicknames in batches of 100.
    public func load(account: String, progress: @escaping @Sendable (RosterProgress) async -> Void = { _ in }) async throws -> Roster {
        async let groupsReply = client.groupGet(account: account, withFriends: false)
        let collected = FriendCollector()
        let snapshot = try await client.friendGetAll(account: account) { items in
            let page = items.map { Friend(id: $0.toAccount, tags: $0.valueItem ?? []) }
            await progress(.friends(await collected.add(page), total: nil))
        }
        var friends = snapshot.friends.map { Friend(id: $0.toAccount, tags: $0.valueItem ?? []) }
        let groups = try await groupsReply
        let ids = friends.map(\.id)
        let profiles = try await client.portraitGet(accounts: ids, tags: [FriendTag.nick])
        var nicks: [String: String] = [:]
        for p in profiles { if let n = p.profileItem?.value(for: FriendTag.nick)?.stringValue { nicks[p.toAccount] = n } }
        await progress(.nicknames(nicks))
        for i in friends.indices { friends[i].nickname = nicks[friends[i].id] ?? "" }
        let counts = friends.reduce(into: [String: Int]()) { acc, f in for g in f.groups { acc[g, default: 0] += 1 } }
        let summaries = (groups.resultItem ?? []).map { GroupSummary(name: $0.groupName, count: $0.friendNumber ?? counts[$0.groupName] ?? 0) }
        return Roster(account: account, friends: friends, groups: summaries,
                      standardSequence: snapshot.standardSequence, customSequence: snapshot.customSequence)
    }
}

/// Accumulates pages for progress reports.
actor FriendCollector {
    private var friends: [Friend] = []
    func add(_ page: [Friend]) -> [Friend] {
        friends += page
        return friends
    }
}

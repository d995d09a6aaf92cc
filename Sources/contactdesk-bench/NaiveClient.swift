import ChatAPI

/// What a careful script would do without ContactDesk's strategy: every call awaited before the next.
enum NaiveClient {
    /// friend_get page by page, then group_get, then portrait_get 100 at a time; returns friends with a nickname.
    static func open(_ client: ChatClient, account: String) async throws -> Int {
        let snapshot = try await client.friendGetAll(account: account)
        _ = try await client.groupGet(account: account)
        let profiles = try await client.portraitGet(accounts: snapshot.friends.map(\.toAccount))
        return profiles.filter { $0.profileItem?.value(for: FriendTag.nick) != nil }.count
    }

    /// One friend_update per friend; returns how many rows failed.
    static func submitPerFriend(_ client: ChatClient, account: String, remarks: [(friend: String, remark: String)]) async throws -> Int {
        var failed = 0
        for (friend, remark) in remarks {
            let rows = try await client.friendUpdate(account: account, items: [UpdateItem(toAccount: friend,
                                                                                          snsItem: [TagValue(tag: FriendTag.remark, value: .string(remark))])])
            if rows.contains(where: { if case .ok = $0.outcome { false } else { true } }) { failed += 1 }
        }
        return failed
    }
}

import ContactDeskStrings

extension ChatClient {
    /// The account's friend groups (or those named), with their members when `withFriends`.
    public func groupGet(account: String, withFriends: Bool = false, names: [String]? = nil) async throws -> GroupGetPayload {
        try await call(.groupGet, account: account, GroupGetRequest(fromAccount: account, needFriend: withFriends, groupName: names),
                       as: GroupGetPayload.self).payload
    }

    /// Creates groups, optionally putting friends in them.
    public func groupAdd(account: String, groups: [String], friends: [String]? = nil) async throws -> GroupAddPayload {
        try await call(.groupAdd, account: account, rows: friends?.count ?? 0,
                       GroupAddRequest(fromAccount: account, groupName: groups, toAccount: friends), as: GroupAddPayload.self).payload
    }

    /// Deletes groups (the friends stay friends).
    public func groupDelete(account: String, groups: [String]) async throws -> GroupDeletePayload {
        try await call(.groupDelete, account: account, GroupDeleteRequest(fromAccount: account, groupName: groups),
                       as: GroupDeletePayload.self).payload
    }
}

extension ChatClient {
    /// Profiles of accounts, 100 per call, in request order.
    public func portraitGet(accounts: [String], tags: [String] = [FriendTag.nick]) async throws -> [UserProfileItem] {
        let batches = try await concurrentMap(accounts.chunked(BatchLimit.lookups), limit: config.readConcurrency) { batch in
            let reply = try await self.call(.portraitGet, account: nil, rows: batch.count,
                                            PortraitGetRequest(toAccount: batch, tagList: tags), as: PortraitGetPayload.self)
            return Self.inOrder(batch, reply.payload.userProfileItem ?? [], key: \.toAccount) {
                UserProfileItem(toAccount: $0, profileItem: nil, resultCode: -1, resultInfo: APIText.rowNoProfile.text)
            }
        }
        return batches.flatMap { $0 }
    }

    /// Whether accounts exist, 100 per call, in request order.
    public func accountCheck(_ userIDs: [String]) async throws -> [AccountCheckResult] {
        let batches = try await concurrentMap(userIDs.chunked(BatchLimit.lookups), limit: config.readConcurrency) { batch in
            let reply = try await self.call(.accountCheck, account: nil, rows: batch.count,
                                            AccountCheckRequest(userIDs: batch), as: AccountCheckPayload.self)
            return Self.inOrder(batch, reply.payload.resultItem ?? [], key: \.userID) {
                AccountCheckResult(userID: $0, resultCode: -1, resultInfo: APIText.rowNoResult.text, accountStatus: nil)
            }
        }
        return batches.flatMap { $0 }
    }
}

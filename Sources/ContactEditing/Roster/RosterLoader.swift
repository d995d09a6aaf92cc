import ChatAPI

/// Progress of a roster load, for a screen to show while pages arrive.
public enum RosterProgress: Sendable {
    /// The next page of friends, without nicknames yet. Only the page: the screen appends it, so no copy of
    /// the whole list so far is made per page (with 10,000 friends those copies dominated peak memory).
    case page([Friend])
    /// Nicknames for some friends.
    case nicknames([String: String])
}

/// Reads an account's friend list, groups and nicknames with as few calls and round trips as the API allows.
public struct RosterLoader: Sendable {
    public let client: ChatClient
    public init(client: ChatClient) { self.client = client }

    /// friend_get pages (prefetched after the first) and group_get together; each page's nicknames
    /// (portrait_get, 100 per call) are asked for as soon as the page arrives, not after the last one.
    public func load(account: String, progress: @escaping @Sendable (RosterProgress) async -> Void = { _ in }) async throws -> Roster {
        async let groupsReply = client.groupGet(account: account, withFriends: false)
        let collected = FriendCollector()
        // Each batch of nicknames goes to the screen as it arrives; the roster returned has them all.
        let nicknames = NicknameFetcher(client: client) { await progress(.nicknames($0)) }
        // The nickname calls are tasks of their own: a failure or a cancelled load stops them explicitly.
        do {
            let snapshot = try await client.friendGetAll(account: account, keepItems: false) { items in
                let page = items.map { Friend(id: $0.toAccount, tags: $0.valueItem ?? []) }
                await collected.add(page)
                // The page goes to the screen before its nicknames are asked for, so they never arrive first.
                await progress(.page(page))
                await nicknames.add(page.map(\.id))
            }
            var friends = await collected.take()
            let groups = try await groupsReply
            let nicks = try await withTaskCancellationHandler {
                try await nicknames.all()
            } onCancel: {
                Task { await nicknames.cancel() }
            }
            for i in friends.indices { friends[i].nickname = nicks[friends[i].id] ?? "" }
            return Roster(account: account, friends: friends, groups: Self.summaries(groups, friends),
                          standardSequence: snapshot.standardSequence, customSequence: snapshot.customSequence)
        } catch {
            await nicknames.cancel()
            throw error
        }
    }
}

extension RosterLoader {
    /// Brings a cached list up to date. friend_get is sent with the cached sequences, so an unchanged list costs
    /// that one call and group_get; a changed one comes back whole, but only for the classes of data that changed
    /// (standard: remark, groups, add source; custom: Tag_SNS_Custom_*), and the others are taken from the cache.
    /// Nicknames are kept from the cache and fetched only for friends it does not know; `R` re-reads them all.
    public func refresh(_ cached: Roster) async throws -> Roster {
        guard cached.standardSequence != nil, cached.customSequence != nil else { return try await load(account: cached.account) }
        async let groupsReply = client.groupGet(account: cached.account, withFriends: false)
        let snapshot = try await client.friendGetAll(account: cached.account, standardSequence: cached.standardSequence,
                                                     customSequence: cached.customSequence)
        // The list changed while its pages were read: nothing in the reply can be trusted to merge.
        if snapshot.standardSequence == nil || snapshot.customSequence == nil {
            _ = try? await groupsReply
            return try await load(account: cached.account)
        }
        let sameStandard = cached.standardSequence != nil && snapshot.standardSequence == cached.standardSequence
        let sameCustom = cached.customSequence != nil && snapshot.customSequence == cached.customSequence
        var friends: [Friend]
        if sameStandard && sameCustom {
            friends = cached.friends
        } else {
            let known = Dictionary(cached.friends.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            // A friend the cache lacks would miss the class of data the reply left out: read everything instead.
            if (sameStandard || sameCustom) && snapshot.friends.contains(where: { known[$0.toAccount] == nil }) {
                _ = try? await groupsReply
                return try await load(account: cached.account)
            }
            friends = snapshot.friends.map { item in
                var f = Friend(id: item.toAccount, tags: item.valueItem ?? [])
                if let old = known[f.id] {
                    if sameStandard { f.remark = old.remark; f.groups = old.groups; f.otherTags = old.otherTags }
                    if sameCustom { f.custom = old.custom }
                    f.nickname = old.nickname
                }
                return f
            }
            let unnamed = friends.filter { known[$0.id] == nil }.map(\.id)
            if !unnamed.isEmpty {
                let nicks = try await Self.nicknames(client, unnamed)
                for i in friends.indices where known[friends[i].id] == nil { friends[i].nickname = nicks[friends[i].id] ?? "" }
            }
        }
        let groups = try await groupsReply
        return Roster(account: cached.account, friends: friends, groups: Self.summaries(groups, friends),
                      standardSequence: snapshot.standardSequence, customSequence: snapshot.customSequence)
    }

    /// Nicknames by account (portrait_get, 100 per call); accounts without one are left out.
    static func nicknames(_ client: ChatClient, _ accounts: [String]) async throws -> [String: String] {
        try await client.portraitGet(accounts: accounts, tags: [FriendTag.nick]).reduce(into: [:]) { d, p in
            if let n = p.profileItem?.value(for: FriendTag.nick)?.stringValue { d[p.toAccount] = n }
        }
    }

    static func summaries(_ reply: GroupGetPayload, _ friends: [Friend]) -> [GroupSummary] {
        let counts = friends.reduce(into: [String: Int]()) { acc, f in for g in f.groups { acc[g, default: 0] += 1 } }
        return (reply.resultItem ?? []).map { GroupSummary(name: $0.groupName, count: $0.friendNumber ?? counts[$0.groupName] ?? 0) }
    }
}

/// Accumulates pages as they arrive.
actor FriendCollector {
    private var friends: [Friend] = []
    func add(_ page: [Friend]) { friends += page }
    /// The list, handed over: the collector keeps no reference, so setting nicknames does not copy 10,000 friends.
    func take() -> [Friend] {
        defer { friends = [] }
        return friends
    }
}

/// Fetches nicknames for ids as they are added, at most `readConcurrency` portrait_get calls at a time.
actor NicknameFetcher {
    private let client: ChatClient
    private var queue: [[String]] = []
    private var running: [Int: Task<Void, Never>] = [:]
    private var nextID = 0
    private var nicks: [String: String] = [:]
    private var failure: Error?
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private let onBatch: @Sendable ([String: String]) async -> Void

    init(client: ChatClient, onBatch: @escaping @Sendable ([String: String]) async -> Void = { _ in }) {
        self.client = client
        self.onBatch = onBatch
    }

    func add(_ ids: [String]) {
        queue += ids.chunked(BatchLimit.lookups)
        pump()
    }

    /// Every nickname asked for, once all calls have answered; the first failure otherwise.
    func all() async throws -> [String: String] {
        if !running.isEmpty || (!queue.isEmpty && failure == nil) {
            await withCheckedContinuation { waiters.append($0) }
        }
        if let failure { throw failure }
        return nicks
    }

    func cancel() {
        if failure == nil { failure = CancellationError() }
        for task in running.values { task.cancel() }
        queue.removeAll()
    }

    private func pump() {
        while running.count < client.config.readConcurrency, failure == nil, !queue.isEmpty {
            let batch = queue.removeFirst()
            let id = nextID
            nextID += 1
            let client = client, onBatch = onBatch
            running[id] = Task {
                let result = await Result { try await RosterLoader.nicknames(client, batch) }
                // Every id asked for answers, "" for none: a reader of the stream knows when a page is complete.
                if case .success(let nicks) = result {
                    var answered = nicks
                    for id in batch where answered[id] == nil { answered[id] = "" }
                    await onBatch(answered)
                }
                await self.finish(id, result)
            }
        }
        if running.isEmpty && (queue.isEmpty || failure != nil) {
            let w = waiters
            waiters = []
            for c in w { c.resume() }
        }
    }

    private func finish(_ id: Int, _ result: Result<[String: String], Error>) {
        running[id] = nil
        switch result {
        case .success(let batch):
            nicks.merge(batch) { $1 }
        case .failure(let error):
            if failure == nil { failure = error }
        }
        pump()
    }
}

extension Result where Failure == Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

import ContactDeskStrings
import Foundation

/// friend_get's StandardSequence and CustomSequence: equal values mean no friend data changed between two reads.
public struct ListSequences: Sendable, Equatable {
    public var standard: Int64?
    public var custom: Int64?
    public init(standard: Int64?, custom: Int64?) { self.standard = standard; self.custom = custom }
}

/// A whole friend list as friend_get returns it over all its pages.
public struct FriendListSnapshot: Sendable, Equatable {
    public var friends: [UserDataItem]
    public var standardSequence: Int64?
    public var customSequence: Int64?
    public var friendNum: Int?
    /// friend_get calls it took.
    public var pages: Int
}

extension ChatClient {
    /// Reads a friend list over all its pages; `onPage` sees each page, in order.
    /// Passing the sequences of a cached copy lets the service omit data that did not change.
    ///
    /// The first page tells the page size (its NextStartIndex) and the total (FriendNum), so the other pages are
    /// asked for at once, a few at a time, instead of one round trip after another. Each prefetched page is
    /// checked against what paging would have asked (its NextStartIndex, its size, the same sequences as the
    /// first); if any differs, the rest is read page by page from where the check failed.
    /// `keepItems: false` leaves `friends` empty, for a caller that keeps what it needs from `onPage`.
    /// When the sequences moved while the pages were read (the list changed meanwhile), the snapshot's
    /// sequences are nil: what was read is not a consistent copy, so a cache must not present it as one.
    public func friendGetAll(account: String, standardSequence: Int64? = nil, customSequence: Int64? = nil, keepItems: Bool = true,
                             onPage: @Sendable ([UserDataItem]) async -> Void = { _ in }) async throws -> FriendListSnapshot {
        var snapshot = FriendListSnapshot(friends: [], pages: 0)
        var firstSequences: (Int64?, Int64?)?
        var consistent = true
        // Every read is complete or an error: friends counted against FriendNum, pages bounded.
        var taken = 0
        var unchanged = false
        func bad(_ reason: String, _ excerpt: String) -> ChatError { .protocolError(command: .friendGet, reason: reason, excerpt: excerpt) }
        @Sendable func page(_ start: Int) async throws -> FriendGetPayload {
            try await call(.friendGet, account: account,
                           FriendGetRequest(fromAccount: account, startIndex: start, standardSequence: standardSequence, customSequence: customSequence),
                           as: FriendGetPayload.self).payload
        }
        func take(_ page: FriendGetPayload) async throws {
            let items = page.userDataItem ?? []
            snapshot.pages += 1
            taken += items.count
            // A cached copy's sequences, answered with the same and no items: nothing changed, nothing to count.
            if snapshot.pages == 1, items.isEmpty, standardSequence != nil, customSequence != nil,
               page.standardSequence == standardSequence, page.customSequence == customSequence { unchanged = true }
            if let total = page.friendNum, total < 0 || total > BatchLimit.friendNum {
                throw bad(APIText.replyFriendNumOutOfRange.text(["total": total, "limit": BatchLimit.friendNum]), "FriendNum \(total)")
            }
            if let total = page.friendNum, taken > total + BatchLimit.lookups {
                throw bad(APIText.replyTooManyFriends.text(["count": taken, "total": total]), "FriendNum \(total)")
            }
            if keepItems { snapshot.friends += items }
            if let (std, custom) = firstSequences, std != page.standardSequence || custom != page.customSequence { consistent = false }
            if firstSequences == nil { firstSequences = (page.standardSequence, page.customSequence) }
            snapshot.standardSequence = page.standardSequence ?? snapshot.standardSequence
            snapshot.customSequence = page.customSequence ?? snapshot.customSequence
            snapshot.friendNum = page.friendNum ?? snapshot.friendNum
            await onPage(items)
        }
        func finished() throws -> FriendListSnapshot {
            if consistent, !unchanged, let total = snapshot.friendNum, taken < total {
                throw bad(APIText.replyTooFewFriends.text(["count": taken, "total": total]), "FriendNum \(total)")
            }
            var s = snapshot
            if !consistent { s.standardSequence = nil; s.customSequence = nil }
            return s
        }
        func nextStart(after page: FriendGetPayload, at start: Int) throws -> Int? {
            // A reply without CompleteFlag (or with another value) cannot say the list is whole: never a shorter list.
            guard let flag = page.completeFlag, flag == 0 || flag == 1 else {
                throw bad(APIText.replyNoCompleteFlag.text(["value": page.completeFlag.map(String.init) ?? "absent"]), "CompleteFlag")
            }
            if flag == 1 { return nil }
            guard !(page.userDataItem ?? []).isEmpty else {
                throw bad(APIText.replyEmptyPage.text(["start": start]), "CompleteFlag 0, UserDataItem empty")
            }
            guard let next = page.nextStartIndex, next > start else {
                throw ChatError.protocolError(command: .friendGet, reason: APIText.replyStartIndexStuck.text(["start": start]),
                                              excerpt: "CompleteFlag 0, NextStartIndex \(page.nextStartIndex.map(String.init) ?? "absent")")
            }
            return next
        }

        let first = try await page(0)
        try await take(first)
        guard var start = try nextStart(after: first, at: 0) else { return try finished() }
        let size = first.userDataItem?.count ?? 0
        if size > 0, start == size, let total = first.friendNum, total > start {
            let starts = Array(stride(from: start, to: total, by: size))
            var complete = false
            try await withThrowingTaskGroup(of: (Int, FriendGetPayload).self) { group in
                var launched = 0, taken = 0
                // Results wait for their turn, errors too: a failed page after the list's real end must not
                // fail a read that paging would have finished.
                var ready: [Int: Result<FriendGetPayload, Error>] = [:]
                var stopped = false
                func launch() {
                    let i = launched
                    launched += 1
                    group.addTask {
                        do { return (i, try await page(starts[i])) } catch { throw PrefetchFailure(index: i, error: error) }
                    }
                }
                while launched < min(config.readConcurrency, starts.count) { launch() }
                // Pages are handed on in order as soon as the ones before them are in.
                while let result = await group.nextResult() {
                    guard !stopped else { continue }
                    switch result {
                    case .success(let (i, p)): ready[i] = .success(p)
                    case .failure(let error):
                        guard let i = (error as? PrefetchFailure)?.index else { throw error }
                        ready[i] = .failure(error)
                    }
                    if launched < starts.count { launch() }
                    while let r = ready.removeValue(forKey: taken) {
                        let p: FriendGetPayload
                        do { p = try r.get() } catch let failure as PrefetchFailure { throw failure.error }
                        let s = starts[taken]
                        let next = try nextStart(after: p, at: s)
                        let isLast = taken == starts.count - 1
                        let sameSequences = p.standardSequence == first.standardSequence && p.customSequence == first.customSequence
                        guard sameSequences, isLast || (next == s + size && p.userDataItem?.count == size) else {
                            // A page of another size is still this list: keep it and page on from its NextStartIndex.
                            // A page of a list that changed since the first is read again, page by page.
                            if sameSequences {
                                try await take(p)
                                if let n = next { start = n } else { complete = true }
                            }
                            stopped = true
                            break
                        }
                        try await take(p)
                        taken += 1
                        guard let n = next else { complete = true; stopped = true; break }
                        start = n
                    }
                    if stopped || taken == starts.count { stopped = true; group.cancelAll() }
                }
            }
            if complete { return try finished() }
        }
        // Page by page: no prefetch possible, or a prefetched page did not fit.
        while true {
            let p = try await page(start)
            try await take(p)
            guard let n = try nextStart(after: p, at: start) else { return try finished() }
            start = n
        }
    }

    /// The friend list's two sequences, which change whenever a friend's data does: one friend_get of the first
    /// page, sent with the sequences last seen so an unchanged list answers with no friends. A submit compares
    /// them around its read and its write, as the API has no conditional write.
    public func friendListSequences(account: String, known: ListSequences? = nil) async throws -> ListSequences {
        let reply = try await call(.friendGet, account: account,
                                   FriendGetRequest(fromAccount: account, startIndex: 0, standardSequence: known?.standard, customSequence: known?.custom),
                                   as: FriendGetPayload.self).payload
        return ListSequences(standard: reply.standardSequence, custom: reply.customSequence)
    }

    /// Reads chosen friends' tags, 100 per call, answers in request order.
    public func friendGetList(account: String, friends: [String], tags: [String]) async throws -> [InfoItem] {
        let batches = try await concurrentMap(friends.chunked(BatchLimit.lookups), limit: config.readConcurrency) { batch in
            let reply = try await self.call(.friendGetList, account: account, rows: batch.count,
                                            FriendGetListRequest(fromAccount: account, toAccount: batch, tagList: tags),
                                            as: FriendGetListPayload.self)
            return Self.inOrder(batch, reply.payload.infoItem ?? [], key: \.toAccount) {
                InfoItem(toAccount: $0, snsProfileItem: nil, resultCode: -1, resultInfo: APIText.rowNoInfoItem.text)
            }
        }
        return batches.flatMap { $0 }
    }

    /// Updates friends, 1000 rows per call, one call at a time for the account.
    /// Every row gets an outcome in request order: a refused call marks each of its rows with the call's code,
    /// and after a call that configuration or credentials doomed, later calls are not sent.
    /// `sending` sees each call's friends just before it goes out and may refuse it with a reason (its rows are
    /// then not sent); `answered` sees each sent call's rows. A caller that records what is in flight uses them.
    /// `resend: false` sends each call once, for a caller that reads again and re-plans before a retry.
    public func friendUpdate(account: String, items: [UpdateItem], resend: Bool = true, sending: ([String]) -> String? = { _ in nil },
                             answered: ([RowResult]) async -> Void = { _ in }) async throws -> [RowResult] {
        var results: [RowResult] = []
        results.reserveCapacity(items.count)
        var stopReason: String?
        for batch in items.chunked(BatchLimit.friendUpdate) {
            if let stopReason {
                results += batch.map { RowResult(toAccount: $0.toAccount, outcome: .notSent(reason: stopReason)) }
                continue
            }
            if let refusal = sending(batch.map(\.toAccount)) {
                results += batch.map { RowResult(toAccount: $0.toAccount, outcome: .notSent(reason: refusal)) }
                continue
            }
            let before = results.count
            do {
                results += try await updateCall(account: account, batch, resend: resend)
            } catch let error as ChatError {
                switch error {
                case .api(_, let code, let info):
                    results += batch.map { RowResult(toAccount: $0.toAccount, outcome: .failed(code: code, info: info, level: .call)) }
                    if ErrorCatalog.entry(code).retry == .stop { stopReason = APIText.rowEarlierCallFailed.text(["error": ErrorCatalog.inline(code)]) }
                case .credentials, .transport, .protocolError:
                    results += batch.map { RowResult(toAccount: $0.toAccount, outcome: .notSent(reason: error.description)) }
                    if case .credentials = error { stopReason = error.description }
                }
            }
            await answered(Array(results[before...]))
        }
        return results
    }

    /// One friend_update call of at most 1000 rows, sent once (a new UserSig aside): the caller re-reads and
    /// re-plans before any retry, so a retry never writes values read before someone else's change. Rows in
    /// request order; a refused or unanswered call throws its ChatError.
    /// `lastCheck` runs right before the request goes out (see `call`); false throws `StalePlan`.
    public func friendUpdateOnce(account: String, items: [UpdateItem], lastCheck: (@Sendable () async -> Bool)? = nil) async throws -> [RowResult] {
        precondition(items.count <= BatchLimit.friendUpdate, "friend_update takes at most \(BatchLimit.friendUpdate) rows")
        return try await updateCall(account: account, items, resend: false, lastCheck: lastCheck)
    }

    private func updateCall(account: String, _ batch: [UpdateItem], resend: Bool, lastCheck: (@Sendable () async -> Bool)? = nil) async throws -> [RowResult] {
        let reply = try await call(.friendUpdate, account: account, rows: batch.count, resend: resend, lastCheck: lastCheck,
                                   FriendUpdateRequest(fromAccount: account, updateItem: batch), as: FriendUpdatePayload.self)
        let rows = Self.inOrder(batch.map(\.toAccount), reply.payload.resultItem ?? [], key: \.toAccount) {
            ResultItem(toAccount: $0, resultCode: -1, resultInfo: APIText.rowNoResultItem.text)
        }
        return rows.map { r in
            if r.resultCode == 0 { return RowResult(toAccount: r.toAccount, outcome: .ok) }
            if r.resultCode == -1 { return RowResult(toAccount: r.toAccount, outcome: .notSent(reason: r.resultInfo ?? "")) }
            return RowResult(toAccount: r.toAccount, outcome: .failed(code: r.resultCode, info: r.resultInfo ?? "", level: .row))
        }
    }

    /// Matches reply items to the requested keys in request order; a key the reply repeats is matched in turn,
    /// and a key it lacks gets `missing(key)`.
    static func inOrder<Item>(_ keys: [String], _ items: [Item], key: KeyPath<Item, String>, missing: (String) -> Item) -> [Item] {
        // The usual reply is already in request order: no table of lists per key.
        if items.count == keys.count, zip(keys, items).allSatisfy({ $0 == $1[keyPath: key] }) { return items }
        var byKey: [String: [Item]] = [:]
        for item in items { byKey[item[keyPath: key], default: []].append(item) }
        return keys.map { k in
            if var list = byKey[k], !list.isEmpty {
                let first = list.removeFirst()
                byKey[k] = list
                return first
            }
            return missing(k)
        }
    }
}

/// A prefetched page's error with the page it belongs to, so it is raised only when that page's turn comes.
private struct PrefetchFailure: Error {
    let index: Int
    let error: Error
}

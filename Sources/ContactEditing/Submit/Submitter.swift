import ChatAPI
import Foundation

/// Sends an account's staged changes: re-read, merge, friend_update in calls of at most 1000, outcome per friend.
public struct Submitter: Sendable {
    public let client: ChatClient
    public init(client: ChatClient) { self.client = client }

    /// The result of a submit: an outcome per staged friend and their fresh values after it.
    public struct Report: Equatable, Sendable {
        public var outcomes: [String: SubmitOutcome]
        /// Friends as the server has them now (for applied rows, with the sent values).
        public var fresh: [String: Friend]
        public init(outcomes: [String: SubmitOutcome], fresh: [String: Friend]) { self.outcomes = outcomes; self.fresh = fresh }
    }

    public func submit(account: String, entries: [ChangeEntry], customKeys: [String],
                       progress: @escaping @Sendable (_ done: Int, _ total: Int) async -> Void = { _, _ in }) async throws -> Report {
        let friends = Array(Set(entries.map(\.key.friend))).sorted()
        let tags = [FriendTag.remark, FriendTag.group] + customKeys.map(FriendTag.custom)
        let infos = try await client.friendGetList(account: account, friends: friends, tags: tags)
        var fresh: [String: [TagValue]?] = [:]
        var report = Report(outcomes: [:], fresh: [:])
        for info in infos {
            if (info.resultCode ?? 0) == 0 {
                fresh[info.toAccount] = .some(info.snsProfileItem ?? [])
            } else {
                fresh[info.toAccount] = .some(nil)
                report.outcomes[info.toAccount] = .failed(code: info.resultCode ?? -1, info: info.resultInfo ?? "")
            }
        }
        let sendable = entries.filter { report.outcomes[$0.key.friend] == nil }
        let plan = SubmitPlan.make(entries: sendable, fresh: fresh)
        for (friend, fields) in plan.conflicts { report.outcomes[friend] = .conflict(fields: fields) }
        for friend in plan.alreadyApplied { report.outcomes[friend] = .ok }
        await progress(0, plan.items.count)
        var done = 0
        var results: [RowResult] = []
        for batch in plan.items.chunked(BatchLimit.friendUpdate) {
            results += try await client.friendUpdate(account: account, items: batch)
            done += batch.count
            await progress(done, plan.items.count)
        }
        let sent = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.toAccount, $0.snsItem) })
        for r in results {
            switch r.outcome {
            case .ok: report.outcomes[r.toAccount] = .ok
            case .failed(let code, let info, _): report.outcomes[r.toAccount] = .failed(code: code, info: info)
            case .notSent(let reason): report.outcomes[r.toAccount] = .notSent(reason: reason)
            }
        }
        for (friend, maybeTags) in fresh {
            guard let tags = maybeTags else { continue }
            var merged = tags
            if report.outcomes[friend] == .ok, let applied = sent[friend] {
                for t in applied { merged.removeAll { $0.tag == t.tag }; merged.append(t) }
            }
            report.fresh[friend] = Friend(id: friend, tags: merged)
        }
        return report
    }
}

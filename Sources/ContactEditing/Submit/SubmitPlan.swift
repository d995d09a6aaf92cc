import ChatAPI
import ContactDeskStrings

/// What happened to one staged friend at submit.
public enum SubmitOutcome: Equatable, Sendable {
    case ok
    case failed(code: Int, info: String)
    /// The server's value changed since it was staged: not sent; the operator keeps theirs or takes the server's.
    case conflict(fields: [FieldKey])
    /// Not answered (network failure after retries): still staged; re-read before sending again.
    case notSent(reason: String)

    /// The text a row shows: "✓", "✗ 30011 friend-list group limit reached (32)", "! conflict: remark".
    public var inline: String {
        switch self {
        case .ok: Glyphs.g("✓")
        case .failed(let code, let info): Glyphs.g("✗ ") + ErrorCatalog.inline(code, info: info)
        case .conflict(let fields): EditText.submitConflict.text(["fields": fields.map(\.title).joined(separator: ", ")])
        case .notSent: APIText.rowNotSent.text
        }
    }
}

/// The merge of staged entries with the server's fresh values (docs/ARCHITECTURE.md, "Submit").
public struct SubmitPlan: Equatable, Sendable {
    /// The rows to send, in friend order.
    public var items: [UpdateItem]
    /// Friends not sent because a field changed on the server since it was staged.
    public var conflicts: [String: [FieldKey]]
    /// Friends whose staged values the server already has: done without a call.
    public var alreadyApplied: Set<String>

    /// A plan with the read it was made from.
    public struct Fetched: Sendable {
        public var plan: SubmitPlan
        /// Each friend's tags as read; nil for one the server no longer lists as a friend.
        public var fresh: [String: [TagValue]?]
        /// Friends the read refused, with the row's code and info.
        public var refused: [String: (code: Int, info: String)]
    }

    /// Re-reads the staged friends (friend_get_list, 100 per call) and merges: the one place a submit, a dry run
    /// and a crash reconcile get their plan. A friend the server no longer lists as a friend gets nil tags
    /// and its row code in `refused`.
    public static func fetch(_ client: ChatClient, account: String, entries: [ChangeEntry], customKeys: [String]) async throws -> Fetched {
        let friends = Array(Set(entries.map(\.key.friend))).sorted()
        let tags = [FriendTag.remark, FriendTag.group] + customKeys.map(FriendTag.custom)
        var fresh: [String: [TagValue]?] = [:]
        var refused: [String: (code: Int, info: String)] = [:]
        for info in try await client.friendGetList(account: account, friends: friends, tags: tags) {
            if (info.resultCode ?? 0) == 0 {
                fresh[info.toAccount] = .some(info.snsProfileItem ?? [])
            } else {
                fresh[info.toAccount] = .some(nil)
                refused[info.toAccount] = (info.resultCode ?? -1, info.resultInfo ?? "")
            }
        }
        let sendable = entries.filter { refused[$0.key.friend] == nil }
        return Fetched(plan: make(entries: sendable, fresh: fresh), fresh: fresh, refused: refused)
    }

    /// Builds the plan from the staged entries of one account and each friend's fresh tags (nil: not a friend any more).
    public static func make(entries: [ChangeEntry], fresh: [String: [TagValue]?]) -> SubmitPlan {
        var plan = SubmitPlan(items: [], conflicts: [:], alreadyApplied: [])
        let byFriend = Dictionary(grouping: entries, by: \.key.friend)
        for friend in byFriend.keys.sorted() {
            let tags = fresh[friend] ?? nil
            var sns: [TagValue] = []
            var conflicts: [FieldKey] = []
            for e in byFriend[friend]!.sorted(by: { $0.key < $1.key }) {
                switch e.key.field {
                case .remark, .custom:
                    let tag = e.key.field.textTag!
                    let server = tags?.value(for: tag)?.stringValue ?? ""
                    let mine = e.result.text ?? ""
                    if server == mine { continue }
                    // Changed on the server since staging, to something else than ours: a conflict, not sent.
                    if tags != nil && server != (e.base.text ?? "") { conflicts.append(e.key.field); continue }
                    sns.append(TagValue(tag: tag, value: .string(mine)))
                case .groups:
                    let server = tags?.value(for: FriendTag.group)?.stringsValue ?? []
                    let merged = e.intent.apply(to: .groups(server)).groups ?? []
                    if merged != server { sns.append(TagValue(tag: FriendTag.group, value: .strings(merged))) }
                }
            }
            if !conflicts.isEmpty { plan.conflicts[friend] = conflicts; continue }
            if sns.isEmpty { plan.alreadyApplied.insert(friend); continue }
            plan.items.append(UpdateItem(toAccount: friend, snsItem: sns))
        }
        return plan
    }
}

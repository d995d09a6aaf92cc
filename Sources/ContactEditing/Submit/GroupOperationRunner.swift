import ChatAPI
import ContactDeskStrings
import Foundation

/// One friend's group list before and after a group operation moved it.
public struct GroupMove: Codable, Equatable, Sendable {
    public var friend: String
    public var old: [String]
    public var new: [String]
    public init(friend: String, old: [String], new: [String]) { self.friend = friend; self.old = old; self.new = new }
}

/// What a group operation will send, from a fresh read: the group to create, the members to move (each with
/// its whole list), and whether the source is deleted afterwards.
public struct GroupOperationPlan: Equatable, Sendable {
    public var operation: GroupOperation
    /// The account's groups as just read.
    public var groups: [String]
    /// group_add of this name first (a create, or a rename target that does not exist yet).
    public var create: String?
    public var moves: [GroupMove]
    /// group_delete of the source at the end.
    public var delete: String?
    /// The source group is not there and neither is the target: someone else removed it since it was staged.
    public var missing: String?
    /// Nothing to do: the server already has the result (a finished or repeated operation).
    public var done: Bool { create == nil && moves.isEmpty && delete == nil && missing == nil }
}

/// The result of one group operation: its outcome and each member's.
public struct GroupOperationReport: Equatable, Sendable {
    public var entry: GroupOperationEntry
    public var outcome: SubmitOutcome
    public var moves: [(move: GroupMove, outcome: SubmitOutcome)]
    public var created: Bool
    public var deleted: Bool
    /// Why it was not sent, when the fresh groups no longer allow it (a conflict) or over the limit.
    public var problem: String?

    public init(entry: GroupOperationEntry, outcome: SubmitOutcome, moves: [(move: GroupMove, outcome: SubmitOutcome)], created: Bool, deleted: Bool) {
        self.entry = entry; self.outcome = outcome; self.moves = moves; self.created = created; self.deleted = deleted
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.entry == b.entry && a.outcome == b.outcome && a.created == b.created && a.deleted == b.deleted && a.problem == b.problem
            && a.moves.map(\.move) == b.moves.map(\.move) && a.moves.map(\.outcome) == b.moves.map(\.outcome)
    }
}

/// Carries out group operations for one account. There is no rename or move call, so each runs as: group_add
/// of the target (creates before moves), friend_update of every member's whole list with the source replaced
/// in place (moves), then group_delete of the source once nobody is left in it (moves before deletes). Every
/// step is read fresh, so running an operation again after a crash finishes it: members already moved are no
/// longer in the source, a target that exists is not created twice, and the source is deleted only when empty,
/// so no member is ever lost. Moves are journaled while on the wire and audited per friend; creates and
/// deletes are audited per group.
public struct GroupOperationRunner: Sendable {
    public let client: ChatClient
    public let app: UInt64
    public let account: String
    public let audit: AuditLog
    public let journal: Journal?

    public init(client: ChatClient, app: UInt64, account: String, audit: AuditLog, journal: Journal?) {
        self.client = client; self.app = app; self.account = account; self.audit = audit; self.journal = journal
    }

    /// The audit log's `field` for a group created or deleted (the `friend` is empty).
    public static let groupField = "group"
}

extension GroupOperationPlan {
    /// What `operation` would send now (a dry run, and the first step of a run).
    public static func fetch(_ client: ChatClient, account: String, _ operation: GroupOperation) async throws -> GroupOperationPlan {
        let groups = try await client.groupGet(account: account).resultItem?.map(\.groupName) ?? []
        var plan = GroupOperationPlan(operation: operation, groups: groups, create: nil, moves: [], delete: nil, missing: nil)
        guard let source = operation.source else {
            if let target = operation.target, !groups.contains(target) { plan.create = target }
            return plan
        }
        guard groups.contains(source) else {
            // Gone: finished earlier when the target is there, otherwise removed by someone else (a conflict).
            if let target = operation.target, !groups.contains(target) { plan.missing = source }
            return plan
        }
        if let target = operation.target, !groups.contains(target) { plan.create = target }
        plan.moves = try await moves(client, account: account, operation, source: source)
        plan.delete = source
        return plan
    }

    /// The friends group_get lists in `group`.
    static func members(_ client: ChatClient, account: String, of group: String) async throws -> [String] {
        try await client.groupGet(account: account, withFriends: true, names: [group]).resultItem?.first { $0.groupName == group }?.toAccount ?? []
    }

    /// The members of `source` and their lists after `operation`, from group_get and friend_get_list.
    static func moves(_ client: ChatClient, account: String, _ operation: GroupOperation, source: String) async throws -> [GroupMove] {
        let members = try await client.groupGet(account: account, withFriends: true, names: [source]).resultItem?
            .first { $0.groupName == source }?.toAccount ?? []
        guard !members.isEmpty else { return [] }
        var out: [GroupMove] = []
        for info in try await client.friendGetList(account: account, friends: members, tags: [FriendTag.group]) where (info.resultCode ?? 0) == 0 {
            let old = (info.snsProfileItem ?? []).value(for: FriendTag.group)?.stringsValue ?? []
            let new = operation.apply(toFriend: old)
            if new != old { out.append(GroupMove(friend: info.toAccount, old: old, new: new)) }
        }
        return out
    }
}

import ChatAPI
import Foundation

/// A change set as a file a lead can review and `contactdesk apply` can submit: versioned JSON written as
/// version 2 (plain `from`/`to`, `add`/`remove`); version 1 is still read. See docs/CHANGESET-FORMAT.md.
public struct ChangeSetFile: Equatable, Sendable {
    public static let currentVersion = 2

    public var version: Int
    public var app: UInt64
    public var account: String
    public var exportedAt: String
    /// The entries in file order.
    public var entries: [ChangeEntry]
    /// Group operations, in the order they run (before the entries).
    public var groupOperations: [GroupOperationEntry] = []

    public init(set: ChangeSet, app: UInt64, account: String, now: Date = Date()) {
        version = Self.currentVersion
        self.app = app
        self.account = account
        exportedAt = now.formatted(.iso8601)
        entries = set.sorted.filter { $0.key.app == app && $0.key.account == account }
        groupOperations = set.groupOperations(app: app, account: account)
    }

    init(version: Int, app: UInt64, account: String, exportedAt: String, entries: [ChangeEntry], groupOperations: [GroupOperationEntry] = []) {
        self.version = version; self.app = app; self.account = account; self.exportedAt = exportedAt; self.entries = entries
        self.groupOperations = groupOperations
    }

    /// The file as pretty JSON with sorted keys (version 2).
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(V2(self))
    }

    /// The entries as a change set.
    public var changeSet: ChangeSet { ChangeSet(entries, groupOperations: groupOperations) }

    /// Version 2 on disk: what a lead reads.
    struct V2: Encodable {
        struct Entry: Encodable {
            var friend: String
            var field: String
            var from: JSONValue
            var to: String?
            var add: [String]?
            var remove: [String]?
        }
        /// `{"operation": "rename", "group": "Billing", "target": "账单", "friends": 10}`; left out when there are none.
        struct GroupOp: Encodable {
            var operation: String
            var group: String
            var target: String?
            var friends: Int
        }
        var version: Int
        var app: UInt64
        var account: String
        var exportedAt: String
        var groupOperations: [GroupOp]?
        var entries: [Entry]

        init(_ file: ChangeSetFile) {
            version = ChangeSetFile.currentVersion
            app = file.app; account = file.account; exportedAt = file.exportedAt
            let ops = file.groupOperations.map { e in
                GroupOp(operation: e.operation.kind, group: e.operation.source ?? e.operation.target ?? "",
                        target: e.operation.source == nil ? nil : e.operation.target, friends: e.members)
            }
            groupOperations = ops.isEmpty ? nil : ops
            entries = file.entries.map { e in
                let from: JSONValue = switch e.base {
                case .text(let t): .string(t)
                case .groups(let g): .array(g.map(JSONValue.string))
                }
                switch e.intent {
                case .set(let t): return Entry(friend: e.key.friend, field: e.key.field.description, from: from, to: t)
                case .groups(let add, let remove):
                    return Entry(friend: e.key.friend, field: e.key.field.description, from: from, add: add, remove: remove)
                }
            }
        }
    }
}

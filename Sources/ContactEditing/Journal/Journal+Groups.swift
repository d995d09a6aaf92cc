import ContactDeskStrings
import Foundation
import GRDB

/// Staged group operations and the group moves on the wire. An operation is `in_flight` from its first write
/// until it finishes, so `contactdesk groups` finishes one a killed process left half done.
extension Journal {
    static let groupSchema = """
        CREATE TABLE IF NOT EXISTS group_operation (
            app INTEGER NOT NULL, account TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
            target TEXT, members INTEGER NOT NULL, in_flight INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (app, account, seq));
        CREATE TABLE IF NOT EXISTS group_move (
            app INTEGER NOT NULL, account TEXT NOT NULL, friend TEXT NOT NULL, operation TEXT NOT NULL,
            old TEXT NOT NULL, new TEXT NOT NULL, since REAL NOT NULL, PRIMARY KEY (app, account, friend));
        """

    static func groupOperations(_ db: Database, app: UInt64, account: String, inFlightOnly: Bool = false) throws -> [GroupOperationEntry] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT kind, name, target, members FROM group_operation WHERE app = ? AND account = ?\(inFlightOnly ? " AND in_flight = 1" : "") ORDER BY seq
            """, arguments: [Int64(bitPattern: app), account])
        return try rows.map { row in
            guard let op = GroupOperation(kind: row["kind"], name: row["name"], target: row["target"]) else {
                throw JournalError(message: EditText.journalUnknownField.text(["field": row["kind"] as String]))
            }
            return GroupOperationEntry(app: app, account: account, operation: op, members: row["members"])
        }
    }

    /// Rewrites an account's operations in order, keeping the in-flight mark of those that stay.
    static func replaceGroupOperations(_ db: Database, _ operations: [GroupOperationEntry], app: UInt64, account: String) throws {
        let flying = Set(try groupOperations(db, app: app, account: account, inFlightOnly: true).map(\.operation))
        try db.execute(sql: "DELETE FROM group_operation WHERE app = ? AND account = ?", arguments: [Int64(bitPattern: app), account])
        for (seq, e) in operations.enumerated() {
            try db.execute(sql: """
                INSERT INTO group_operation (app, account, seq, kind, name, target, members, in_flight) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [Int64(bitPattern: app), account, seq, e.operation.kind, e.operation.source ?? e.operation.target ?? "",
                                 e.operation.source == nil ? nil : e.operation.target, e.members, flying.contains(e.operation) ? 1 : 0])
        }
    }

    /// How a statement finds an operation's row: its account, kind, name and target.
    static let identity = "app = ? AND account = ? AND kind = ? AND name = ? AND target IS ?"
    static func identity(_ e: GroupOperationEntry) -> StatementArguments {
        [Int64(bitPattern: e.app), e.account, e.operation.kind, e.operation.source ?? e.operation.target ?? "",
         e.operation.source == nil ? nil : e.operation.target]
    }

    /// Operations a killed `groups` command or submit left started, in order.
    public func inFlightGroupOperations(app: UInt64, account: String) throws -> [GroupOperationEntry] {
        try db.read { db in try Self.groupOperations(db, app: app, account: account, inFlightOnly: true) }
    }

    /// Marks an operation started (staging it first when it is not staged: the CLI runs without staging).
    public func markGroupOperationInFlight(_ entry: GroupOperationEntry) throws {
        do {
            try db.write { db in
                var current = try Self.groupOperations(db, app: entry.app, account: entry.account)
                if !current.contains(where: { $0.operation == entry.operation }) {
                    current.append(entry)
                    try Self.replaceGroupOperations(db, current, app: entry.app, account: entry.account)
                }
                try db.execute(sql: "UPDATE group_operation SET in_flight = 1 WHERE " + Self.identity, arguments: Self.identity(entry))
            }
        } catch {
            throw JournalError(message: EditText.journalCannotMarkInFlight.text(["reason": Self.reason(error)]))
        }
    }

    /// Keeps an operation staged but no longer started (the service refused it; the operator decides).
    public func clearGroupOperationInFlight(_ entry: GroupOperationEntry) throws {
        try db.write { db in
            try db.execute(sql: "UPDATE group_operation SET in_flight = 0 WHERE " + Self.identity, arguments: Self.identity(entry))
        }
    }

    /// Forgets a finished operation.
    public func settleGroupOperation(_ entry: GroupOperationEntry) throws {
        try db.write { db in
            try db.execute(sql: "DELETE FROM group_operation WHERE " + Self.identity, arguments: Self.identity(entry))
        }
    }

    /// Records moves as sent and not yet answered; committed before the call goes out.
    public func markGroupMoves(app: UInt64, account: String, _ moves: [GroupMove], operation: String) throws {
        do {
            try db.write { db in
                for m in moves {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO group_move (app, account, friend, operation, old, new, since) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [Int64(bitPattern: app), account, m.friend, operation, Self.json(m.old), Self.json(m.new),
                                         Date().timeIntervalSince1970])
                }
            }
        } catch {
            throw JournalError(message: EditText.journalCannotMarkInFlight.text(["reason": Self.reason(error)]))
        }
    }

    public func clearGroupMoves(app: UInt64, account: String, friends: [String]) throws {
        try db.write { db in
            for f in friends {
                try db.execute(sql: "DELETE FROM group_move WHERE app = ? AND account = ? AND friend = ?", arguments: [Int64(bitPattern: app), account, f])
            }
        }
    }

    /// Moves sent in a call whose outcome was never recorded, with the operation they belong to (as recorded).
    public func groupMovesInFlight(app: UInt64, account: String) throws -> [(move: GroupMove, operation: String)] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT friend, operation, old, new FROM group_move WHERE app = ? AND account = ? ORDER BY friend",
                             arguments: [Int64(bitPattern: app), account]).map { row in
                (GroupMove(friend: row["friend"], old: Self.list(row["old"]), new: Self.list(row["new"])), row["operation"])
            }
        }
    }

    private static func json(_ list: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(list)) ?? Data("[]".utf8), as: UTF8.self)
    }

    private static func list(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

import ChatAPI
import ContactDeskStrings
import Foundation
import GRDB

/// A journal problem, worded for the operator: what happened to the edit and what to do.
public struct JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// The change set on disk (SQLite in WAL mode, one transaction per edit), so staged work survives kill -9,
/// a dropped SSH session and a full disk. An edit is acknowledged only after its transaction commits.
public final class Journal: Sendable {
    let db: DatabasePool
    public let url: URL

    /// Opens (creating) the journal. `maxPageCount` caps the file, for testing a full disk.
    public init(url: URL, readOnly: Bool = false, maxPageCount: Int? = nil) throws {
        self.url = url
        var prepare: (@Sendable (Database) throws -> Void)?
        if let maxPageCount { prepare = { db in try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") } }
        do {
            // in_flight: rows of a friend_update call between sending and knowing its outcome.
            db = try StateDatabase.open(url, readOnly: readOnly, schema: """
                CREATE TABLE IF NOT EXISTS change_entry (
                    app INTEGER NOT NULL, account TEXT NOT NULL, friend TEXT NOT NULL, field TEXT NOT NULL,
                    base TEXT NOT NULL, intent TEXT NOT NULL, updated_at REAL NOT NULL,
                    PRIMARY KEY (app, account, friend, field));
                CREATE TABLE IF NOT EXISTS in_flight (
                    app INTEGER NOT NULL, account TEXT NOT NULL, friend TEXT NOT NULL, since REAL NOT NULL,
                    PRIMARY KEY (app, account, friend));
                \(Self.groupSchema)
                """, prepare: prepare)
        } catch {
            throw JournalError(message: EditText.journalCannotOpen.text(["reason": Self.reason(error, at: url), "path": url.path]))
        }
    }

    /// The staged change set of one account.
    public func load(app: UInt64, account: String) throws -> ChangeSet {
        do {
            return try db.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT friend, field, base, intent FROM change_entry WHERE app = ? AND account = ?",
                                            arguments: [Int64(bitPattern: app), account])
                let operations = try Self.groupOperations(db, app: app, account: account)
                return ChangeSet(try rows.map { row in
                    guard let field = FieldKey(row["field"] as String) else { throw JournalError(message: EditText.journalUnknownField.text(["field": row["field"] as String])) }
                    let decoder = JSONDecoder()
                    return ChangeEntry(key: EntryKey(app: app, account: account, friend: row["friend"], field: field),
                                       base: try decoder.decode(FieldValue.self, from: Data((row["base"] as String).utf8)),
                                       intent: try decoder.decode(Intent.self, from: Data((row["intent"] as String).utf8)))
                }, groupOperations: operations)
            }
        } catch let e as JournalError { throw e } catch {
            throw JournalError(message: EditText.journalCannotRead.text(["path": url.path, "reason": Self.reason(error)]))
        }
    }

    /// Writes the difference between `old` and `new` for one account in a single transaction. Throws (and
    /// writes nothing) when the disk is full or read-only: the caller must then not acknowledge the edit.
    public func save(_ new: ChangeSet, replacing old: ChangeSet, app: UInt64, account: String) throws {
        let changed = new.entries.values.filter { old[$0.key] != $0 && $0.key.app == app && $0.key.account == account }
        let removed = old.entries.keys.filter { new[$0] == nil && $0.app == app && $0.account == account }
        let operations = new.groupOperations(app: app, account: account)
        let operationsChanged = operations != old.groupOperations(app: app, account: account)
        guard !changed.isEmpty || !removed.isEmpty || operationsChanged else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            try db.write { db in
                let now = Date().timeIntervalSince1970
                for e in changed {
                    try db.execute(sql: """
                        INSERT INTO change_entry (app, account, friend, field, base, intent, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (app, account, friend, field) DO UPDATE SET base = excluded.base, intent = excluded.intent,
                        updated_at = excluded.updated_at
                        """, arguments: [Int64(bitPattern: app), account, e.key.friend, e.key.field.description,
                                         String(decoding: try encoder.encode(e.base), as: UTF8.self),
                                         String(decoding: try encoder.encode(e.intent), as: UTF8.self), now])
                }
                for k in removed {
                    try db.execute(sql: "DELETE FROM change_entry WHERE app = ? AND account = ? AND friend = ? AND field = ?",
                                   arguments: [Int64(bitPattern: app), account, k.friend, k.field.description])
                }
                if operationsChanged { try Self.replaceGroupOperations(db, operations, app: app, account: account) }
            }
        } catch {
            throw JournalError(message: EditText.journalNotStaged.text(["reason": Self.reason(error, at: url), "path": url.path]))
        }
    }

    /// Removes entries that a submit applied, each only if it is still staged exactly as it was sent: an edit
    /// made to the same field while the submit ran stays. One transaction, so no edit slips in between.
    public func settle(_ applied: [ChangeEntry]) throws {
        guard !applied.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            try db.write { db in
                for e in applied {
                    try db.execute(sql: """
                        DELETE FROM change_entry WHERE app = ? AND account = ? AND friend = ? AND field = ? AND base = ? AND intent = ?
                        """, arguments: [Int64(bitPattern: e.key.app), e.key.account, e.key.friend, e.key.field.description,
                                         String(decoding: try encoder.encode(e.base), as: UTF8.self),
                                         String(decoding: try encoder.encode(e.intent), as: UTF8.self)])
                }
            }
        } catch {
            throw JournalError(message: EditText.journalCannotSettle.text(["reason": Self.reason(error)]))
        }
    }

    /// Records friends as sent and not yet answered; committed before the call goes out.
    public func markInFlight(app: UInt64, account: String, friends: [String]) throws {
        do {
            try db.write { db in
                for f in friends {
                    try db.execute(sql: "INSERT OR REPLACE INTO in_flight (app, account, friend, since) VALUES (?, ?, ?, ?)",
                                   arguments: [Int64(bitPattern: app), account, f, Date().timeIntervalSince1970])
                }
            }
        } catch {
            throw JournalError(message: EditText.journalCannotMarkInFlight.text(["reason": Self.reason(error)]))
        }
    }

    /// Forgets friends whose outcome is known.
    public func clearInFlight(app: UInt64, account: String, friends: [String]) throws {
        try db.write { db in
            for f in friends {
                try db.execute(sql: "DELETE FROM in_flight WHERE app = ? AND account = ? AND friend = ?", arguments: [Int64(bitPattern: app), account, f])
            }
        }
    }

    /// Friends sent in a call whose outcome was never recorded (the process died, or the network failed).
    public func inFlight(app: UInt64, account: String) throws -> [String] {
        try db.read { db in
            try String.fetchAll(db, sql: "SELECT friend FROM in_flight WHERE app = ? AND account = ? ORDER BY friend",
                                arguments: [Int64(bitPattern: app), account])
        }
    }

    /// Accounts with staged entries and how many, for the resume prompt.
    public func pending() throws -> [(app: UInt64, account: String, count: Int)] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT app, account, COUNT(*) AS n FROM (SELECT app, account FROM change_entry UNION ALL SELECT app, account FROM group_operation)
                GROUP BY app, account ORDER BY account
                """)
                .map { (UInt64(bitPattern: $0["app"] as Int64), $0["account"], $0["n"]) }
        }
    }

    /// Removes every staged entry of an account.
    public func discard(app: UInt64, account: String) throws {
        do {
            try db.write { db in
                try db.execute(sql: "DELETE FROM change_entry WHERE app = ? AND account = ?", arguments: [Int64(bitPattern: app), account])
                try db.execute(sql: "DELETE FROM group_operation WHERE app = ? AND account = ?", arguments: [Int64(bitPattern: app), account])
            }
        } catch {
            throw JournalError(message: EditText.journalCannotWrite.text(["reason": Self.reason(error)]))
        }
    }

    /// One line the operator can act on, naming the folder where that helps ("/state is read-only").
    static func reason(_ error: Error, at url: URL? = nil) -> String {
        let dir = url?.deletingLastPathComponent().path
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_FULL: return EditText.reasonDiskFull.text
            case .SQLITE_READONLY: return dir.map { EditText.reasonFolderReadOnly.text(["folder": $0]) } ?? EditText.reasonFileReadOnly.text
            case .SQLITE_CANTOPEN: return url.map { EditText.reasonPathCannotOpen.text(["path": $0.path]) } ?? EditText.reasonFileCannotOpen.text
            default: return e.message ?? "\(e.resultCode)"
            }
        }
        if let e = error as? StatePathError { return e.description }
        return "\(error)"
    }
}

import ChatAPI
import ContactDeskStrings
import Foundation
import GRDB

/// One audited field change: who, when, where, what, and the service's answer.
public struct AuditRecord: Codable, Equatable, Sendable {
    public var at: Date
    public var operatorName: String
    public var sshClient: String?
    public var app: UInt64
    public var account: String
    public var friend: String
    public var field: String
    public var old: String
    public var new: String
    /// 0 applied; the API's code; -1 conflict (not sent); -2 not sent (network).
    public var code: Int
    public var info: String
}

/// The audit log in SQLite: every submitted field, kept after the change set forgets it.
public final class AuditLog: Sendable {
    private let db: DatabasePool

    /// `readOnly` is for reading the log (and for testing a log that cannot be written).
    public init(url: URL, readOnly: Bool = false) throws {
        db = try StateDatabase.open(url, readOnly: readOnly, schema: """
            CREATE TABLE IF NOT EXISTS audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, operator TEXT NOT NULL, ssh_client TEXT,
                app INTEGER NOT NULL, account TEXT NOT NULL, friend TEXT NOT NULL, field TEXT NOT NULL,
                old TEXT NOT NULL, new TEXT NOT NULL, code INTEGER NOT NULL, info TEXT NOT NULL)
            """)
    }

    /// The operator as the OS knows them, and the SSH client address when there is one.
    public static func currentOperator(environment: [String: String] = ProcessInfo.processInfo.environment) -> (name: String, ssh: String?) {
        let name = environment["USER"] ?? environment["LOGNAME"] ?? String(cString: getpwuid(getuid())?.pointee.pw_name ?? strdup("uid\(getuid())"))
        let ssh = environment["SSH_CLIENT"]?.split(separator: " ").first.map(String.init)
        return (name, ssh)
    }

    /// Fails when nothing can be written (a read-only file or folder, a locked database): checked before a
    /// submit sends anything, because a change nobody can trace is not allowed.
    public func checkWritable() throws {
        try db.write { db in try db.execute(sql: "CREATE TABLE IF NOT EXISTS audit_probe (x); DROP TABLE audit_probe") }
    }

    /// Text fields pass the redaction step first: a remark or ErrorInfo quoting a key or UserSig is not kept.
    public func append(_ records: [AuditRecord]) throws {
        try db.write { db in
            for record in records {
                var r = record
                r.old = Redactor.redact(r.old); r.new = Redactor.redact(r.new); r.info = Redactor.redact(r.info)
                try db.execute(sql: """
                    INSERT INTO audit (at, operator, ssh_client, app, account, friend, field, old, new, code, info)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [r.at.timeIntervalSince1970, r.operatorName, r.sshClient, Int64(bitPattern: r.app), r.account,
                                     r.friend, r.field, r.old, r.new, r.code, r.info])
            }
        }
    }

    /// Records, oldest first, optionally for one account and since a time.
    public func records(account: String? = nil, since: Date? = nil) throws -> [AuditRecord] {
        try db.read { db in
            var sql = "SELECT * FROM audit WHERE 1"
            var args: [DatabaseValueConvertible] = []
            if let account { sql += " AND account = ?"; args.append(account) }
            if let since { sql += " AND at >= ?"; args.append(since.timeIntervalSince1970) }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: StatementArguments(args)).map { row in
                AuditRecord(at: Date(timeIntervalSince1970: row["at"]), operatorName: row["operator"], sshClient: row["ssh_client"],
                            app: UInt64(bitPattern: row["app"] as Int64), account: row["account"], friend: row["friend"],
                            field: row["field"], old: row["old"], new: row["new"], code: row["code"], info: row["info"])
            }
        }
    }
}

extension AuditRecord {
    /// Records for every staged entry of a submit, with its friend's outcome. `old` is the value the server had
    /// when the submit re-read it (what a write replaced), `new` what it has after; without a re-read, the
    /// staged base and result.
    public static func from(entries: [ChangeEntry], outcomes: [String: SubmitOutcome], before: [String: Friend] = [:],
                            after: [String: Friend] = [:], at: Date = Date(),
                            operator who: (name: String, ssh: String?) = AuditLog.currentOperator()) -> [AuditRecord] {
        return entries.map { e in
            let (code, info) = codeAndInfo(outcomes[e.key.friend])
            let old = before[e.key.friend].map { $0.value(of: e.key.field) } ?? e.base
            let new = code == 0 ? (after[e.key.friend].map { $0.value(of: e.key.field) } ?? e.result) : e.result
            return AuditRecord(at: at, operatorName: who.name, sshClient: who.ssh, app: e.key.app, account: e.key.account,
                               friend: e.key.friend, field: e.key.field.description, old: old.plainText, new: new.plainText, code: code, info: info)
        }
    }

    /// An outcome as the record's code and info: 0 applied, the API's code, -1 conflict, -2 not sent.
    static func codeAndInfo(_ outcome: SubmitOutcome?) -> (Int, String) {
        switch outcome {
        case .ok?: (0, "")
        case .failed(let c, let i)?: (c, i)
        case .conflict?: (-1, EditText.auditInfoConflict.text(in: .en))  // the record is English, like the log file
        case .notSent(let r)?: (-2, r)
        case nil: (-2, EditText.auditInfoNoOutcome.text(in: .en))
        }
    }

    /// Records for rows found applied after an interrupted submit (reconciled at the next start).
    public static func reconciled(entries: [ChangeEntry], applied: Set<String>, fresh: [String: Friend], at: Date = Date(),
                                  operator who: (name: String, ssh: String?) = AuditLog.currentOperator()) -> [AuditRecord] {
        let rows = entries.filter { applied.contains($0.key.friend) }
        return from(entries: rows, outcomes: Dictionary(uniqueKeysWithValues: applied.map { ($0, SubmitOutcome.ok) }), after: fresh, at: at, operator: who)
            .map { var r = $0; r.info = EditText.auditInfoReconciled.text(in: .en); return r }
    }
}

extension AuditRecord {
    /// The `info` as the operator reads it: ContactDesk's own notes (stored in English, as a record) in the chosen
    /// language; the service's text and any other info as stored.
    public var displayInfo: String {
        let notes: [EditText] = [.auditInfoConflict, .auditInfoNoOutcome, .auditInfoReconciled]
        return notes.first { $0.text(in: .en) == info }?.text ?? info
    }
}

import ChatAPI
import Foundation
import GRDB
import Synchronization

/// The last friend list seen per app, endpoint and account (SQLite beside the journal), so an account opens at
/// once and is then refreshed with friend_get's sequences: when nothing changed that costs one friend_get and
/// one group_get. A cache problem never stops work: loading falls back to the network, saving is best effort.
///
/// Friends are stored in chunks of `chunkSize`, each a small JSON array: writing one 10,000-friend blob made
/// SQLite copy it whole and cost more than 10 MB at peak; chunks keep that to a few hundred KB.
public final class RosterCache: Sendable {
    private let db: DatabasePool
    /// Lists not saved for this long are dropped when another is saved.
    static let keepFor: TimeInterval = 30 * 86_400
    static let chunkSize = 500
    static let format = 1

    public init(url: URL) throws {
        db = try StateDatabase.open(url, schema: """
            CREATE TABLE IF NOT EXISTS roster (
                app INTEGER NOT NULL, endpoint TEXT NOT NULL, account TEXT NOT NULL,
                saved_at REAL NOT NULL, format INTEGER NOT NULL, std INTEGER, custom INTEGER, groups BLOB NOT NULL,
                PRIMARY KEY (app, endpoint, account));
            CREATE TABLE IF NOT EXISTS roster_chunk (
                app INTEGER NOT NULL, endpoint TEXT NOT NULL, account TEXT NOT NULL, seq INTEGER NOT NULL, friends BLOB NOT NULL,
                PRIMARY KEY (app, endpoint, account, seq));
            """, prepare: { db in
                // A small page cache per connection: saving a 10,000-friend list filled SQLite's default 2 MB, a
                // fifth of the TUI's heap at its peak; the file is read and written in chunks, once per open.
                try db.execute(sql: "PRAGMA cache_size = -256")
            })
    }

    /// The cache file in the state directory.
    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        StatePaths.stateDirectory(environment: environment).appendingPathComponent("roster-cache.sqlite")
    }

    /// The saved list and when it was saved, or nil (none, or unreadable: then the network decides).
    public func load(app: UInt64, endpoint: String, account: String) -> (roster: Roster, savedAt: Date)? {
        let key: StatementArguments = [Int64(bitPattern: app), endpoint, account]
        return try? db.read { db -> (Roster, Date)? in
            guard let head = try Row.fetchOne(db, sql: "SELECT saved_at, format, std, custom, groups FROM roster WHERE app = ? AND endpoint = ? AND account = ?",
                                              arguments: key),
                  head["format"] as Int == Self.format else { return nil }
            let groups = try JSONDecoder().decode([StoredGroup].self, from: head["groups"] as Data)
            let chunks = try Data.fetchAll(db, sql: "SELECT friends FROM roster_chunk WHERE app = ? AND endpoint = ? AND account = ? ORDER BY seq",
                                           arguments: key)
            // Decoding is most of a warm open's time: the chunks are decoded on all cores.
            let decoded = Mutex([[Friend]?](repeating: nil, count: chunks.count))
            DispatchQueue.concurrentPerform(iterations: chunks.count) { i in
                let friends = (try? JSONDecoder().decode([StoredFriend].self, from: chunks[i]))?.map { s in
                    var f = Friend(id: s.id, tags: s.tags)
                    f.nickname = s.nick
                    return f
                }
                decoded.withLock { $0[i] = friends }
            }
            var friends: [Friend] = []
            for chunk in decoded.withLock({ $0 }) {
                guard let chunk else { return nil }  // a damaged chunk: the network decides
                friends += chunk
            }
            let roster = Roster(account: account, friends: friends, groups: groups.map { GroupSummary(name: $0.n, count: $0.c) },
                                standardSequence: head["std"], customSequence: head["custom"])
            return (roster, Date(timeIntervalSince1970: head["saved_at"]))
        } ?? nil
    }

    public func save(_ roster: Roster, app: UInt64, endpoint: String) throws {
        let key: StatementArguments = [Int64(bitPattern: app), endpoint, roster.account]
        let now = Date().timeIntervalSince1970
        var groups = CompactJSONWriter()
        groups.array(roster.groups) { w, g in
            w.raw("{\"n\":"); w.string(g.name); w.raw(",\"c\":"); w.integer(g.count); w.raw("}")
        }
        try db.write { db in
            try db.execute(sql: "DELETE FROM roster_chunk WHERE app = ? AND endpoint = ? AND account = ?", arguments: key)
            try db.execute(sql: """
                INSERT OR REPLACE INTO roster (app, endpoint, account, saved_at, format, std, custom, groups) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: key + [now, Self.format, roster.standardSequence, roster.customSequence, Data(groups.bytes)])
            let insert = try db.makeStatement(sql: "INSERT INTO roster_chunk (app, endpoint, account, seq, friends) VALUES (?, ?, ?, ?, ?)")
            for (seq, start) in stride(from: 0, to: roster.friends.count, by: Self.chunkSize).enumerated() {
                let chunk = roster.friends[start..<min(start + Self.chunkSize, roster.friends.count)]
                try insert.execute(arguments: key + [seq, Data(Self.encode(chunk))])
            }
            // Lists nobody opened for a month.
            try db.execute(sql: """
                DELETE FROM roster_chunk WHERE (app, endpoint, account) IN (SELECT app, endpoint, account FROM roster WHERE saved_at < ?)
                """, arguments: [now - Self.keepFor])
            try db.execute(sql: "DELETE FROM roster WHERE saved_at < ?", arguments: [now - Self.keepFor])
        }
    }

    /// Forgets an account's list (the next open reads everything).
    public func drop(app: UInt64, endpoint: String, account: String) throws {
        let key: StatementArguments = [Int64(bitPattern: app), endpoint, account]
        try db.write { db in
            try db.execute(sql: "DELETE FROM roster_chunk WHERE app = ? AND endpoint = ? AND account = ?", arguments: key)
            try db.execute(sql: "DELETE FROM roster WHERE app = ? AND endpoint = ? AND account = ?", arguments: key)
        }
    }

    /// A chunk as JSON that decodes as [StoredFriend], written without an intermediate tree (see CompactJSONWriter).
    static func encode(_ friends: ArraySlice<Friend>) -> [UInt8] {
        var w = CompactJSONWriter(capacity: friends.count * 320)
        w.array(friends) { w, f in
            w.raw("{\"id\":"); w.string(f.id); w.raw(",\"nick\":"); w.string(f.nickname); w.raw(",\"tags\":")
            w.array(f.tags) { w, t in
                w.raw("{\"Tag\":"); w.string(t.tag); w.raw(",\"Value\":"); w.value(t.value); w.raw("}")
            }
            w.raw("}")
        }
        return w.bytes
    }
}

struct StoredGroup: Decodable { var n: String; var c: Int }

struct StoredFriend: Decodable {
    var id: String
    var nick: String
    var tags: [TagValue]
}

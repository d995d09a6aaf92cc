import ChatAPI
import Foundation
import GRDB

/// Opens one of ContactDesk's SQLite files in the state directory (journal, audit log, roster cache) the same
/// way: an owner-only directory, WAL through a pool, a busy timeout so the TUI and `apply` can write at once,
/// and the schema created if missing.
enum StateDatabase {
    static func open(_ url: URL, readOnly: Bool = false, schema: String,
                     prepare: (@Sendable (Database) throws -> Void)? = nil) throws -> DatabasePool {
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(5)
        if let prepare { config.prepareDatabase(prepare) }
        if !readOnly { try StatePaths.ensure(url.deletingLastPathComponent()) }
        let db = try DatabasePool(path: url.path, configuration: config)
        if !readOnly { try db.write { try $0.execute(sql: schema) } }
        return db
    }
}

import Foundation

/// A change set as a file a lead can review and `contactdesk apply` can submit: versioned JSON.
/// See docs/CHANGESET-FORMAT.md.
public struct ChangeSetFile: Codable, Equatable, Sendable {
    public static let currentVersion = 1

    public struct Entry: Codable, Equatable, Sendable {
        public var friend: String
        /// "remark", "groups" or "custom:KEY".
        public var field: String
        public var base: FieldValue
        public var intent: Intent
    }

    public var version: Int
    public var app: UInt64
    public var account: String
    public var exportedAt: String
    public var entries: [Entry]

    public init(set: ChangeSet, app: UInt64, account: String, now: Date = Date()) {
        version = Self.currentVersion
        self.app = app
        self.account = account
        exportedAt = now.formatted(.iso8601)
        entries = set.sorted.filter { $0.key.app == app && $0.key.account == account }
            .map { Entry(friend: $0.key.friend, field: $0.key.field.description, base: $0.base, intent: $0.intent) }
    }

    /// The file as pretty JSON with sorted keys.
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self)
    }

    /// Reads a file and checks it belongs to `app` and that this version can read it.
    public static func read(_ data: Data, expectingApp app: UInt64?) throws(ValidationError) -> ChangeSetFile {
        struct Header: Decodable { let version: Int?; let app: UInt64? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), let version = header.version else {
            throw ValidationError(field: "Change-set file", message: "not a ContactDesk change-set file (no \"version\"); export one with x on the change-set screen")
        }
        if version > currentVersion {
            throw ValidationError(field: "Change-set file", message: "version \(version) is newer than this ContactDesk reads (\(currentVersion)); update ContactDesk")
        }
        if let app, let fileApp = header.app, fileApp != app {
            throw ValidationError(field: "Change-set file", message: "made for SDKAppID \(fileApp), not \(app); open the matching profile")
        }
        do { return try JSONDecoder().decode(ChangeSetFile.self, from: data) } catch {
            throw ValidationError(field: "Change-set file", message: "cannot be read: \(error)")
        }
    }

    /// The entries as a change set.
    public var changeSet: ChangeSet {
        ChangeSet(entries.compactMap { e in
            FieldKey(e.field).map { ChangeEntry(key: EntryKey(app: app, account: account, friend: e.friend, field: $0), base: e.base, intent: e.intent) }
        })
    }
}

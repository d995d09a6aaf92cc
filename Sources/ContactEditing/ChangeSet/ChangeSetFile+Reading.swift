import ChatAPI
import Foundation

/// Why a change-set file cannot be used: every problem found, each naming its entry, in plain words.
public struct ChangeSetFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }

    /// The problems with the file's path in front of each, as the command line prints them.
    public func message(path: String) -> String { problems.map { "\(path): \($0)" }.joined(separator: "\n") }
}

extension ChangeSetFile {
    /// Reads a file strictly: a key it does not know, an intent that does not fit its field, an unknown
    /// field or a repeated entry refuses the whole file, since guessing could clear a remark or every group.
    public static func read(_ data: Data, expectingApp app: UInt64?) throws(ChangeSetFileError) -> ChangeSetFile {
        guard let json = try? JSONValue.parse(data), case .object(let top) = json else {
            throw ChangeSetFileError(["not a ContactDesk change-set file (not a JSON object); export one with x on the change-set screen"])
        }
        if let (key, path) = DuplicateKeys.first(in: data) {
            throw ChangeSetFileError(["\(path.isEmpty ? "the file" : path) has the key \"\(key)\" twice; a reader and ContactDesk could see different values: keep one"])
        }
        guard case .integer(let v)? = top["version"] else {
            throw ChangeSetFileError(["not a ContactDesk change-set file (no \"version\"); export one with x on the change-set screen"])
        }
        if v > Int64(currentVersion) {
            throw ChangeSetFileError(["version \(v) is newer than this ContactDesk reads (\(currentVersion)); update ContactDesk"])
        }
        guard v >= 1 else { throw ChangeSetFileError(["version \(v) is not a change-set version (1 or 2)"]) }
        var problems: [String] = []
        let allowedTop: Set<String> = ["version", "app", "account", "exportedAt", "entries"]
        for key in top.keys.sorted() where !allowedTop.contains(key) {
            problems.append("unknown key \"\(key)\"; a change-set file has \(allowedTop.sorted().joined(separator: ", "))")
        }
        guard case .integer(let fileApp)? = top["app"], fileApp > 0 else {
            throw ChangeSetFileError(problems + ["\"app\" must be the SDKAppID as a number"])
        }
        if let app, UInt64(fileApp) != app {
            throw ChangeSetFileError(["made for SDKAppID \(fileApp), not \(app); open the matching profile"])
        }
        guard case .string(let account)? = top["account"], !account.isEmpty, account.utf8.count <= 32 else {
            throw ChangeSetFileError(problems + ["\"account\" must be the UserID whose friends change (1 to 32 bytes)"])
        }
        var exportedAt = ""
        switch top["exportedAt"] {
        case nil: break
        case .string(let s)?: exportedAt = s
        default: problems.append("\"exportedAt\" must be a text such as \"2026-11-27T05:00:00Z\"")
        }
        guard case .array(let items)? = top["entries"] else {
            throw ChangeSetFileError(problems + ["\"entries\" must be a list of changes"])
        }
        var entries: [ChangeEntry] = []
        var seen: [EntryKey: Int] = [:]
        for (i, item) in items.enumerated() {
            var reader = EntryReader(number: i + 1, version: Int(v), app: UInt64(fileApp), account: account)
            if let entry = reader.read(item) {
                if let first = seen[entry.key] {
                    reader.fail("repeats entry \(first) (\(entry.key.friend) \(entry.key.field)); keep one of them")
                } else {
                    seen[entry.key] = i + 1
                    entries.append(entry)
                }
            }
            problems += reader.problems
        }
        if !problems.isEmpty { throw ChangeSetFileError(problems) }
        return ChangeSetFile(version: Int(v), app: UInt64(fileApp), account: account, exportedAt: exportedAt, entries: entries)
    }
}

/// Reads one entry of either version, collecting what is wrong with it.
private struct EntryReader {
    let number: Int
    let version: Int
    let app: UInt64
    let account: String
    var problems: [String] = []
    var label: String

    init(number: Int, version: Int, app: UInt64, account: String) {
        self.number = number; self.version = version; self.app = app; self.account = account
        label = "entry \(number)"
    }

    mutating func fail(_ message: String) { problems.append("\(label): \(message)") }

    mutating func read(_ item: JSONValue) -> ChangeEntry? {
        guard case .object(let o) = item else { fail("must be an object with \"friend\" and \"field\""); return nil }
        let allowed: Set<String> = version == 1 ? ["friend", "field", "base", "intent"] : ["friend", "field", "from", "to", "add", "remove"]
        guard case .string(let friend)? = o["friend"], !friend.isEmpty, friend.utf8.count <= 32 else {
            fail("\"friend\" must be the friend's UserID (1 to 32 bytes)"); return nil
        }
        label = "entry \(number) (\(friend))"
        guard case .string(let fieldName)? = o["field"] else { fail("\"field\" must be remark, groups or custom:KEY"); return nil }
        label = "entry \(number) (\(friend) \(fieldName))"
        for key in o.keys.sorted() where !allowed.contains(key) {
            fail("unknown key \"\(key)\"; a version \(version) entry has \(allowed.sorted().joined(separator: ", "))")
        }
        guard let field = Self.field(fieldName, fail: { fail($0) }) else { return nil }
        let key = EntryKey(app: app, account: account, friend: friend, field: field)
        let parsed = version == 1 ? readV1(o, field) : readV2(o, field)
        guard let (base, intent) = parsed, problems.isEmpty else { return nil }
        let entry = ChangeEntry(key: key, base: base, intent: intent)
        if entry.result == entry.base {
            // A remove-only groups entry needs the groups the friend has, or it reads as removing from nothing.
            let hint = field == .groups && o["from"] == nil ? "give \"from\" (the friend's groups now) for a remove-only entry" : "remove the entry"
            fail("changes nothing (the new value equals the old); \(hint)"); return nil
        }
        return entry
    }

    static func field(_ name: String, fail: (String) -> Void) -> FieldKey? {
        if name == "custom:" { fail("the custom field has no name; write custom:KEY, e.g. custom:Tier"); return nil }
        if let f = FieldKey(name) {
            if case .custom(let k) = f, !k.allSatisfy({ $0.isASCII && $0.isLetter }) || k.utf8.count > 8 {
                fail("custom field \"\(k)\": a key is 1 to 8 letters (A-Z, a-z)"); return nil
            }
            return f
        }
        fail("unknown field \"\(name)\"; fields are remark, groups and custom:KEY (lower case; nickname cannot be changed)")
        return nil
    }

    mutating func readV2(_ o: [String: JSONValue], _ field: FieldKey) -> (FieldValue, Intent)? {
        if field == .groups {
            if o["to"] != nil { fail("\"to\" does not fit groups; a groups entry has \"add\" and \"remove\" (lists of names)") }
            let add = strings(o["add"], "add"), remove = strings(o["remove"], "remove")
            if o["add"] == nil && o["remove"] == nil { fail("a groups entry needs \"add\" or \"remove\" (lists of names)") }
            let from = o["from"] == nil ? [] : strings(o["from"], "from")
            guard let add, let remove, let from, problems.isEmpty else { return nil }
            return (.groups(from), .groups(add: add, remove: remove))
        }
        for k in ["add", "remove"] where o[k] != nil {
            fail("\"\(k)\" does not fit \(field); a \(field) entry has \"from\" and \"to\" (texts)")
        }
        guard case .string(let to)? = o["to"] else { fail("\"to\" must be the new text (\"\" clears the field)"); return nil }
        guard case .string(let from)? = o["from"] else {
            fail("\"from\" must be the text you saw before the change (\"\" when it was empty): it is how a change made meanwhile is caught")
            return nil
        }
        return problems.isEmpty ? (.text(from), .set(to)) : nil
    }

    mutating func readV1(_ o: [String: JSONValue], _ field: FieldKey) -> (FieldValue, Intent)? {
        // Version 1 wrote Swift's enum encoding: {"text":{"_0":…}}, {"set":{"_0":…}}, {"groups":{"add":…,"remove":…}}.
        func payload(_ v: JSONValue?, _ name: String) -> JSONValue? {
            guard case .object(let o)? = v, o.count == 1, case .object(let inner)? = o[name] else { return nil }
            return inner["_0"] ?? .object(inner)
        }
        let base: FieldValue
        if case .string(let t)? = payload(o["base"], "text"), field != .groups { base = .text(t) }
        else if field == .groups, let inner = payload(o["base"], "groups"), let g = strings(inner, "base") { base = .groups(g) }
        else { fail("\"base\" does not fit \(field): \(field == .groups ? "{\"groups\":{\"_0\":[…]}}" : "{\"text\":{\"_0\":\"…\"}}")"); return nil }
        if field == .groups {
            guard case .object(let g)? = payload(o["intent"], "groups"), Set(g.keys).isSubset(of: ["add", "remove"]),
                  let add = strings(g["add"] ?? .array([]), "add"), let remove = strings(g["remove"] ?? .array([]), "remove") else {
                fail("\"intent\" does not fit groups: {\"groups\":{\"add\":[…],\"remove\":[…]}}"); return nil
            }
            return (base, .groups(add: add, remove: remove))
        }
        guard case .string(let t)? = payload(o["intent"], "set") else {
            fail("\"intent\" does not fit \(field): {\"set\":{\"_0\":\"…\"}}"); return nil
        }
        return (base, .set(t))
    }

    mutating func strings(_ v: JSONValue?, _ name: String) -> [String]? {
        guard case .array(let a)? = v else { fail("\"\(name)\" must be a list of group names"); return nil }
        var out: [String] = []
        for item in a {
            guard case .string(let s) = item else { fail("\"\(name)\" must hold group names (texts) only"); return nil }
            out.append(s)
        }
        return out
    }
}

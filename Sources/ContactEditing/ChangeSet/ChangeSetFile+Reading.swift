import ChatAPI
import ContactDeskStrings
import Foundation

/// Why a change-set file cannot be used: every problem found, each naming its entry, in plain words.
public struct ChangeSetFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }

    /// The problems with the file's path in front of each, as the command line prints them.
    public func message(path: String) -> String { problems.map { EditText.fileProblemAt.text(["path": path, "problem": $0]) }.joined(separator: "\n") }
}

extension ChangeSetFile {
    /// Reads a file strictly: a key it does not know, an intent that does not fit its field, an unknown
    /// field or a repeated entry refuses the whole file, since guessing could clear a remark or every group.
    public static func read(_ data: Data, expectingApp app: UInt64?) throws(ChangeSetFileError) -> ChangeSetFile {
        guard let json = try? JSONValue.parse(data), case .object(let top) = json else {
            throw ChangeSetFileError([EditText.fileNotJSONObject.text])
        }
        if let (key, path) = DuplicateKeys.first(in: data) {
            throw ChangeSetFileError([EditText.fileDuplicateKey.text(["where": path.isEmpty ? EditText.fileTheFile.text : path, "key": key])])
        }
        guard case .integer(let v)? = top["version"] else {
            throw ChangeSetFileError([EditText.fileNoVersion.text])
        }
        if v > Int64(currentVersion) {
            throw ChangeSetFileError([EditText.fileVersionTooNew.text(["version": v, "current": currentVersion])])
        }
        guard v >= 1 else { throw ChangeSetFileError([EditText.fileVersionInvalid.text(["version": v])]) }
        var problems: [String] = []
        let allowedTop: Set<String> = ["version", "app", "account", "exportedAt", "entries", "groupOperations"]
        for key in top.keys.sorted() where !allowedTop.contains(key) {
            problems.append(EditText.fileUnknownKey.text(["key": key, "keys": allowedTop.sorted().joined(separator: ", ")]))
        }
        guard case .integer(let fileApp)? = top["app"], fileApp > 0 else {
            throw ChangeSetFileError(problems + [EditText.fileAppNotNumber.text])
        }
        if let app, UInt64(fileApp) != app {
            throw ChangeSetFileError([EditText.fileAppMismatch.text(["fileApp": fileApp, "app": app])])
        }
        guard case .string(let account)? = top["account"], !account.isEmpty, account.utf8.count <= 32 else {
            throw ChangeSetFileError(problems + [EditText.fileAccountInvalid.text])
        }
        var exportedAt = ""
        switch top["exportedAt"] {
        case nil: break
        case .string(let s)?: exportedAt = s
        default: problems.append(EditText.fileExportedAtInvalid.text)
        }
        guard case .array(let items)? = top["entries"] else {
            throw ChangeSetFileError(problems + [EditText.fileEntriesInvalid.text])
        }
        var entries: [ChangeEntry] = []
        var seen: [EntryKey: Int] = [:]
        for (i, item) in items.enumerated() {
            var reader = EntryReader(number: i + 1, version: Int(v), app: UInt64(fileApp), account: account)
            if let entry = reader.read(item) {
                if let first = seen[entry.key] {
                    reader.fail(EditText.entryRepeats.text(["first": first, "friend": entry.key.friend, "field": "\(entry.key.field)"]))
                } else {
                    seen[entry.key] = i + 1
                    entries.append(entry)
                }
            }
            problems += reader.problems
        }
        let operations = readGroupOperations(top["groupOperations"], app: UInt64(fileApp), account: account, problems: &problems)
        if !problems.isEmpty { throw ChangeSetFileError(problems) }
        return ChangeSetFile(version: Int(v), app: UInt64(fileApp), account: account, exportedAt: exportedAt, entries: entries,
                             groupOperations: operations)
    }

    /// The optional `groupOperations` list: each an object with `operation` (create, delete, rename, merge), `group`,
    /// `target` (rename and merge only) and `friends` (how many it touched when exported; informational).
    static func readGroupOperations(_ value: JSONValue?, app: UInt64, account: String, problems: inout [String]) -> [GroupOperationEntry] {
        guard let value else { return [] }
        guard case .array(let items) = value else { problems.append(GroupText.fileOperationsNotList.text); return [] }
        var out: [GroupOperationEntry] = []
        for (i, item) in items.enumerated() {
            let label = GroupText.fileOperationLabel.text(["number": i + 1])
            func fail(_ message: String) { problems.append(EditText.fieldMessage.text(["field": label, "message": message])) }
            guard case .object(let o) = item else { fail(GroupText.fileOperationNotObject.text); continue }
            let allowed: Set<String> = ["operation", "group", "target", "friends"]
            for key in o.keys.sorted() where !allowed.contains(key) {
                fail(GroupText.fileOperationUnknownKey.text(["key": key, "keys": allowed.sorted().joined(separator: ", ")]))
            }
            guard case .string(let kind)? = o["operation"], case .string(let group)? = o["group"] else {
                fail(GroupText.fileOperationNeeds.text); continue
            }
            var target: String?
            switch o["target"] {
            case nil: break
            case .string(let t)?: target = t
            default: fail(GroupText.fileOperationTarget.text); continue
            }
            var friends = 0
            switch o["friends"] {
            case nil: break
            case .integer(let n)? where n >= 0: friends = Int(n)
            default: fail(GroupText.fileOperationFriends.text); continue
            }
            guard let op = GroupOperation(kind: kind, name: group, target: target) else { fail(GroupText.fileOperationKind.text); continue }
            out.append(GroupOperationEntry(app: app, account: account, operation: op, members: friends))
        }
        return out
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
        label = EditText.entryLabel.text(["number": number])
    }

    mutating func fail(_ message: String) { problems.append(EditText.fieldMessage.text(["field": label, "message": message])) }

    mutating func read(_ item: JSONValue) -> ChangeEntry? {
        guard case .object(let o) = item else { fail(EditText.entryNotObject.text); return nil }
        let allowed: Set<String> = version == 1 ? ["friend", "field", "base", "intent"] : ["friend", "field", "from", "to", "add", "remove"]
        guard case .string(let friend)? = o["friend"], !friend.isEmpty, friend.utf8.count <= 32 else {
            fail(EditText.entryFriendInvalid.text); return nil
        }
        label = EditText.entryLabelFriend.text(["number": number, "friend": friend])
        guard case .string(let fieldName)? = o["field"] else { fail(EditText.entryFieldInvalid.text); return nil }
        label = EditText.entryLabelField.text(["number": number, "friend": friend, "field": fieldName])
        for key in o.keys.sorted() where !allowed.contains(key) {
            fail(EditText.entryUnknownKey.text(["key": key, "version": version, "keys": allowed.sorted().joined(separator: ", ")]))
        }
        guard let field = Self.field(fieldName, fail: { fail($0) }) else { return nil }
        let key = EntryKey(app: app, account: account, friend: friend, field: field)
        let parsed = version == 1 ? readV1(o, field) : readV2(o, field)
        guard let (base, intent) = parsed, problems.isEmpty else { return nil }
        let entry = ChangeEntry(key: key, base: base, intent: intent)
        if entry.result == entry.base {
            // A remove-only groups entry needs the groups the friend has, or it reads as removing from nothing.
            let hint = field == .groups && o["from"] == nil ? EditText.entryHintGiveFrom.text : EditText.entryHintRemove.text
            fail(EditText.entryChangesNothing.text(["hint": hint])); return nil
        }
        return entry
    }

    static func field(_ name: String, fail: (String) -> Void) -> FieldKey? {
        if name == "custom:" { fail(EditText.entryCustomNoName.text); return nil }
        if let f = FieldKey(name) {
            if case .custom(let k) = f, !k.allSatisfy({ $0.isASCII && $0.isLetter }) || k.utf8.count > 8 {
                fail(EditText.entryCustomKeyInvalid.text(["key": k])); return nil
            }
            return f
        }
        fail(EditText.entryUnknownField.text(["name": name]))
        return nil
    }

    mutating func readV2(_ o: [String: JSONValue], _ field: FieldKey) -> (FieldValue, Intent)? {
        if field == .groups {
            if o["to"] != nil { fail(EditText.entryToNotForGroups.text) }
            let add = strings(o["add"], "add"), remove = strings(o["remove"], "remove")
            if o["add"] == nil && o["remove"] == nil { fail(EditText.entryGroupsNeedAddRemove.text) }
            let from = o["from"] == nil ? [] : strings(o["from"], "from")
            guard let add, let remove, let from, problems.isEmpty else { return nil }
            return (.groups(from), .groups(add: add, remove: remove))
        }
        for k in ["add", "remove"] where o[k] != nil {
            fail(EditText.entryKeyNotForField.text(["key": k, "field": "\(field)"]))
        }
        guard case .string(let to)? = o["to"] else { fail(EditText.entryToMustBeText.text); return nil }
        guard case .string(let from)? = o["from"] else {
            fail(EditText.entryFromMustBeText.text)
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
        else {
            let shape = Glyphs.g(field == .groups ? "{\"groups\":{\"_0\":[…]}}" : "{\"text\":{\"_0\":\"…\"}}")
            fail(EditText.entryBaseDoesNotFit.text(["field": "\(field)", "shape": shape])); return nil
        }
        if field == .groups {
            guard case .object(let g)? = payload(o["intent"], "groups"), Set(g.keys).isSubset(of: ["add", "remove"]),
                  let add = strings(g["add"] ?? .array([]), "add"), let remove = strings(g["remove"] ?? .array([]), "remove") else {
                fail(EditText.entryIntentDoesNotFit.text(["field": "groups", "shape": "{\"groups\":{\"add\":[…],\"remove\":[…]}}"])); return nil
            }
            return (base, .groups(add: add, remove: remove))
        }
        guard case .string(let t)? = payload(o["intent"], "set") else {
            fail(EditText.entryIntentDoesNotFit.text(["field": "\(field)", "shape": Glyphs.g("{\"set\":{\"_0\":\"…\"}}")])); return nil
        }
        return (base, .set(t))
    }

    mutating func strings(_ v: JSONValue?, _ name: String) -> [String]? {
        guard case .array(let a)? = v else { fail(EditText.entryListOfGroupNames.text(["name": name])); return nil }
        var out: [String] = []
        for item in a {
            guard case .string(let s) = item else { fail(EditText.entryGroupNamesOnly.text(["name": name])); return nil }
            out.append(s)
        }
        return out
    }
}

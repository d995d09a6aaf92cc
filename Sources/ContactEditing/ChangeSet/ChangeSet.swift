import ChatAPI

/// Which field of a friend an entry changes.
public enum FieldKey: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    case remark
    case groups
    /// A custom friend field by key (without `Tag_SNS_Custom_`).
    case custom(String)

    public var description: String {
        switch self {
        case .remark: "remark"
        case .groups: "groups"
        case .custom(let k): "custom:\(k)"
        }
    }

    /// The API tag of a text field (remark or custom field); nil for groups.
    public var textTag: String? {
        switch self {
        case .remark: "Tag_SNS_IM_Remark"
        case .groups: nil
        case .custom(let k): "Tag_SNS_Custom_" + k
        }
    }

    /// The field a writable friend tag holds; nil for any other tag.
    public init?(tag: String) {
        if tag == FriendTag.remark { self = .remark }
        else if tag == FriendTag.group { self = .groups }
        else if let key = FriendTag.customKey(of: tag), !key.isEmpty { self = .custom(key) }
        else { return nil }
    }

    /// Parses `description`.
    public init?(_ text: String) {
        switch text {
        case "remark": self = .remark
        case "groups": self = .groups
        default:
            guard text.hasPrefix("custom:"), text.count > 7 else { return nil }
            self = .custom(String(text.dropFirst(7)))
        }
    }
}

/// Identifies one staged field: app, account, friend and field.
public struct EntryKey: Hashable, Codable, Sendable, Comparable {
    public var app: UInt64
    public var account: String
    public var friend: String
    public var field: FieldKey

    public init(app: UInt64, account: String, friend: String, field: FieldKey) {
        self.app = app; self.account = account; self.friend = friend; self.field = field
    }

    public static func < (a: EntryKey, b: EntryKey) -> Bool {
        // Field names are built only on a tie: a tuple would build both for every comparison.
        if a.app != b.app { return a.app < b.app }
        if a.account != b.account { return a.account < b.account }
        if a.friend != b.friend { return a.friend < b.friend }
        return a.field.description < b.field.description
    }
}

/// A field's value: text (remark, custom field) or a list of group names.
public enum FieldValue: Equatable, Codable, Sendable {
    case text(String)
    case groups([String])

    public var text: String? { if case .text(let t) = self { return t } else { return nil } }
    public var groups: [String]? { if case .groups(let g) = self { return g } else { return nil } }
    /// The value as one line of text: groups joined by commas (list cells, the audit log).
    public var plainText: String { text ?? (groups ?? []).joined(separator: ",") }
}

/// What the operator wants for a field.
public enum Intent: Equatable, Codable, Sendable {
    /// Set a remark or custom field to this text ("" clears it).
    case set(String)
    /// Add and remove groups (kept in the order given); the others stay as they are.
    case groups(add: [String], remove: [String])

    /// The value the intent produces from `base`. Groups: (base − remove) then the added ones not yet there.
    public func apply(to base: FieldValue) -> FieldValue {
        switch (self, base) {
        case (.set(let t), _): return .text(t)
        case (.groups(let add, let remove), .groups(let current)):
            var out = current.filter { !remove.contains($0) }
            for g in add where !out.contains(g) { out.append(g) }
            return .groups(out)
        case (.groups(let add, _), .text): return .groups(add)
        }
    }
}

/// One staged change: the value the operator saw and what they want.
public struct ChangeEntry: Equatable, Codable, Sendable {
    public var key: EntryKey
    public var base: FieldValue
    public var intent: Intent

    public init(key: EntryKey, base: FieldValue, intent: Intent) { self.key = key; self.base = base; self.intent = intent }

    /// The value after the change.
    public var result: FieldValue { intent.apply(to: base) }
}

/// The staged edits: at most one entry per (app, account, friend, field). An entry whose result equals
/// its base is not kept, so staging something back to what it was removes it.
public struct ChangeSet: Equatable, Codable, Sendable {
    public internal(set) var entries: [EntryKey: ChangeEntry] = [:]
    /// Operations on groups themselves, in the order they run (each was checked against the ones before it).
    public internal(set) var groupOperations: [GroupOperationEntry] = []

    public init(_ entries: [ChangeEntry] = [], groupOperations: [GroupOperationEntry] = []) {
        for e in entries where e.result != e.base { self.entries[e.key] = e }
        self.groupOperations = groupOperations
    }

    public var isEmpty: Bool { entries.isEmpty && groupOperations.isEmpty }
    /// Staged friend fields and group operations.
    public var count: Int { entries.count + groupOperations.count }
    /// Entries in a stable order: by account, friend, then field.
    public var sorted: [ChangeEntry] { entries.values.sorted { $0.key < $1.key } }
    /// Friends with at least one staged field.
    public var friends: Set<String> { Set(entries.keys.map(\.friend)) }

    public subscript(key: EntryKey) -> ChangeEntry? { entries[key] }

    /// Stages `intent` for a field whose current value is `base`. Staging a field again keeps the first base
    /// (what the operator saw before any change) and combines the intents; group intents compose.
    public mutating func stage(_ key: EntryKey, base: FieldValue, intent: Intent) {
        let originalBase = entries[key]?.base ?? base
        let combined: Intent
        switch (entries[key]?.intent, intent) {
        case (.groups(let a1, let r1)?, .groups(let a2, let r2)):
            // Later wins: a group added now is no longer removed, and vice versa.
            let add = a1.filter { !r2.contains($0) } + a2.filter { !a1.contains($0) }
            let remove = r1.filter { !a2.contains($0) } + r2.filter { !r1.contains($0) }
            combined = .groups(add: add, remove: remove)
        default:
            combined = intent
        }
        let entry = ChangeEntry(key: key, base: originalBase, intent: combined)
        entries[key] = entry.result == entry.base ? nil : entry
    }

    /// Removes one entry.
    public mutating func drop(_ key: EntryKey) { entries[key] = nil }

    /// The staged value of a field, if any.
    public func staged(_ key: EntryKey) -> FieldValue? { entries[key]?.result }
}

extension ChangeSet {
    /// The set after a submit: an entry applied exactly as it was sent leaves; one edited while the submit
    /// ran, or not applied, stays. The journal's `settle` is the same rule on disk.
    public func settled(after submitted: [ChangeEntry], outcomes: [String: SubmitOutcome]) -> ChangeSet {
        var out = self
        for e in submitted where outcomes[e.key.friend] == .ok && self[e.key] == e { out.drop(e.key) }
        return out
    }
}

/// Undo and redo over change-set edits: each edit pushes the set it replaced.
public struct ChangeHistory: Equatable, Sendable {
    public private(set) var current: ChangeSet
    private var past: [ChangeSet] = []
    private var future: [ChangeSet] = []

    public init(_ set: ChangeSet = ChangeSet()) { current = set }

    public var canUndo: Bool { !past.isEmpty }
    public var canRedo: Bool { !future.isEmpty }

    /// Applies an edit; an edit that changes nothing is not recorded.
    public mutating func apply(_ edit: (inout ChangeSet) -> Void) {
        var next = current
        edit(&next)
        guard next != current else { return }
        past.append(current)
        future.removeAll()
        current = next
    }

    /// Replaces the set without history (resume, a successful submit).
    public mutating func reset(_ set: ChangeSet) {
        current = set
        past.removeAll()
        future.removeAll()
    }

    public mutating func undo() {
        guard let previous = past.popLast() else { return }
        future.append(current)
        current = previous
    }

    public mutating func redo() {
        guard let next = future.popLast() else { return }
        past.append(current)
        current = next
    }
}

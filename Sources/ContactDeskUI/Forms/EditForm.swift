import ContactEditing

/// The edit form for one friend: remark, groups as a checklist plus a new group, one field per custom field.
public struct EditForm: Equatable, Sendable {
    public var friend: String
    public var remark: TextField
    /// The account's groups (and any the friend has that the account list lacks), in order.
    public var groupNames: [String]
    public var checked: Set<String>
    public var newGroup: TextField
    public var customKeys: [String]
    public var custom: [TextField]
    /// 0 remark, 1...groups checklist, then new group, then custom fields.
    public var focus: Int = 0
    public var error: String?

    /// A form showing the friend's values with staged changes applied.
    public init(friend: Friend, accountGroups: [String], customKeys: [String], staged: (FieldKey) -> FieldValue?) {
        self.friend = friend.id
        remark = TextField(staged(.remark)?.text ?? friend.remark)
        let groups = staged(.groups)?.groups ?? friend.groups
        groupNames = accountGroups + groups.filter { !accountGroups.contains($0) }
        checked = Set(groups)
        newGroup = TextField()
        self.customKeys = customKeys
        custom = customKeys.map { TextField(staged(.custom($0))?.text ?? friend.custom[$0] ?? "") }
    }

    public var newGroupIndex: Int { 1 + groupNames.count }
    public var fieldCount: Int { newGroupIndex + 1 + custom.count }

    /// The groups the form asks for, in order: checked ones, then the new one.
    public var desiredGroups: [String] {
        var out = groupNames.filter { checked.contains($0) }
        let n = newGroup.string.trimmingCharacters(in: .whitespaces)
        if !n.isEmpty && !out.contains(n) { out.append(n) }
        return out
    }

    /// Handles a key; returns true when the form should be submitted (Enter).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .enter: return true
        case .tab, .down: focus = (focus + 1) % fieldCount
        case .backTab, .up: focus = (focus + fieldCount - 1) % fieldCount
        default:
            if focus == 0 { remark.handle(key) }
            else if focus < newGroupIndex {
                if key == .char(" ") {
                    let g = groupNames[focus - 1]
                    if checked.contains(g) { checked.remove(g) } else { checked.insert(g) }
                }
            } else if focus == newGroupIndex { newGroup.handle(key) }
            else { custom[focus - newGroupIndex - 1].handle(key) }
        }
        error = nil
        return false
    }
}

/// A change applied to every marked friend.
public enum BulkOperation: String, CaseIterable, Sendable {
    case addGroup = "Add to group", removeGroup = "Remove from group", setField = "Set custom field"
    case clearField = "Clear custom field", replaceRemark = "Find and replace in remarks"

    var firstLabel: String {
        switch self {
        case .addGroup, .removeGroup: "Group"
        case .setField, .clearField: "Field"
        case .replaceRemark: "Find"
        }
    }

    var secondLabel: String? {
        switch self {
        case .setField: "Value"
        case .replaceRemark: "Replace"
        default: nil
        }
    }
}

/// The bulk-edit form: an operation (Left/Right to choose) and its one or two values.
public struct BulkForm: Equatable, Sendable {
    public var operation: BulkOperation = .addGroup
    public var first = TextField()
    public var second = TextField()
    /// 0 operation, 1 first value, 2 second value.
    public var focus = 1
    public var error: String?

    public init() {}

    var fieldCount: Int { operation.secondLabel == nil ? 2 : 3 }

    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .enter: return true
        case .tab, .down: focus = (focus + 1) % fieldCount
        case .backTab, .up: focus = (focus + fieldCount - 1) % fieldCount
        case .left where focus == 0, .right where focus == 0:
            let all = BulkOperation.allCases
            let i = all.firstIndex(of: operation)!
            operation = all[(i + (key == .right ? 1 : all.count - 1)) % all.count]
        default:
            if focus == 1 { first.handle(key) } else if focus == 2 { second.handle(key) }
        }
        error = nil
        return false
    }
}

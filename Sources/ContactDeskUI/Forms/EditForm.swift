import ContactEditing
import ContactDeskStrings

/// The edit form for one friend: remark, groups as a checklist plus a new group, one field per custom field.
/// Tab moves between the fields; in the checklist the arrows move between groups (past either end, to the next
/// or previous field) and typed letters filter it, so the 33rd group is a few keys away, not 33 Tabs.
public struct EditForm: Equatable, Sendable {
    public var friend: String
    public var remark: TextField
    /// The account's groups (and any the friend has that the account list lacks), in order.
    public var groupNames: [String]
    public var checked: Set<String>
    public var newGroup: TextField
    public var customKeys: [String]
    public var custom: [TextField]
    /// 0 remark, 1 the groups checklist, 2 new group, then custom fields.
    public var focus: Int = 0
    /// The group under the cursor, as an index into `shownGroups`.
    public var groupCursor = 0
    /// Typed while the checklist has the focus: only groups containing it are shown.
    public var groupFilter = ""
    /// A new group name differing only by case from an existing one, once the operator was told: Enter again creates it.
    public var confirmedNewGroup: String?
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

    public static let groupsIndex = 1
    public var newGroupIndex: Int { 2 }
    public var fieldCount: Int { 3 + custom.count }

    /// The checklist as shown: the groups containing the filter (case-insensitive).
    public var shownGroups: [String] {
        guard !groupFilter.isEmpty else { return groupNames }
        let needle = groupFilter.lowercased()
        return groupNames.filter { $0.lowercased().contains(needle) }
    }

    /// The group under the checklist's cursor, if any is shown.
    public var focusedGroup: String? {
        let shown = shownGroups
        return shown.indices.contains(groupCursor) ? shown[groupCursor] : nil
    }

    /// The groups the form asks for, in order: checked ones, then the new one.
    public var desiredGroups: [String] {
        var out = groupNames.filter { checked.contains($0) }
        let n = newGroup.string.trimmingCharacters(in: .whitespaces)
        if !n.isEmpty && !out.contains(n) { out.append(n) }
        return out
    }

    /// An existing group the new name matches but for case ("billing" beside "Billing"), if any.
    public var caseTwin: String? {
        let n = newGroup.string.trimmingCharacters(in: .whitespaces)
        guard !n.isEmpty, !groupNames.contains(n) else { return nil }
        return groupNames.first { $0.lowercased() == n.lowercased() }
    }

    /// Handles a key; returns true when the form should be submitted (Enter).
    public mutating func handle(_ key: Key) -> Bool {
        let shown = shownGroups.count
        switch key {
        case .enter: return true
        case .tab: focus = (focus + 1) % fieldCount
        case .backTab: focus = (focus + fieldCount - 1) % fieldCount
        case .down where focus == Self.groupsIndex && groupCursor + 1 < shown: groupCursor += 1
        case .up where focus == Self.groupsIndex && groupCursor > 0: groupCursor -= 1
        case .down:
            focus = (focus + 1) % fieldCount
            if focus == Self.groupsIndex { groupCursor = 0 }
        case .up:
            focus = (focus + fieldCount - 1) % fieldCount
            if focus == Self.groupsIndex { groupCursor = max(0, shown - 1) }
        case .pageDown where focus == Self.groupsIndex: groupCursor = max(0, min(shown - 1, groupCursor + 8))
        case .pageUp where focus == Self.groupsIndex: groupCursor = max(0, groupCursor - 8)
        case .home where focus == Self.groupsIndex: groupCursor = 0
        case .end where focus == Self.groupsIndex: groupCursor = max(0, shown - 1)
        default:
            switch focus {
            case 0: remark.handle(key)
            case Self.groupsIndex: checklist(key)
            case newGroupIndex: newGroup.handle(key)
            default: custom[focus - newGroupIndex - 1].handle(key)
            }
        }
        error = nil
        return false
    }

    /// Space toggles the group under the cursor; other characters filter the list.
    private mutating func checklist(_ key: Key) {
        switch key {
        case .char(" "):
            guard let g = focusedGroup else { return }
            if checked.contains(g) { checked.remove(g) } else { checked.insert(g) }
        case .char(let c):
            groupFilter.append(c)
            groupCursor = 0
        case .backspace:
            if !groupFilter.isEmpty { groupFilter.removeLast(); groupCursor = 0 }
        case .ctrl("u"):
            groupFilter = ""
            groupCursor = 0
        default: break
        }
    }
}

/// A change applied to every marked friend.
public enum BulkOperation: String, CaseIterable, Sendable {
    case addGroup = "Add to group", removeGroup = "Remove from group", setField = "Set custom field"
    case clearField = "Clear custom field", replaceRemark = "Find and replace in remarks"

    /// The operation's name in the operator's language (the raw value is its stable English name).
    public var title: String {
        switch self {
        case .addGroup: UIText.bulkAddGroup.text
        case .removeGroup: UIText.bulkRemoveGroup.text
        case .setField: UIText.bulkSetField.text
        case .clearField: UIText.bulkClearField.text
        case .replaceRemark: UIText.bulkReplaceRemark.text
        }
    }

    var firstLabel: String {
        switch self {
        case .addGroup, .removeGroup: UIText.bulkLabelGroup.text
        case .setField, .clearField: UIText.bulkLabelField.text
        case .replaceRemark: UIText.bulkLabelFind.text
        }
    }

    var secondLabel: String? {
        switch self {
        case .setField: UIText.bulkLabelValue.text
        case .replaceRemark: UIText.bulkLabelReplace.text
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

import ContactDeskStrings
import ContactEditing

/// What the status line says about the group pane's keys.
public enum GroupStatus: Equatable, Sendable {
    case staged(GroupOperation, members: Int, total: Int)
    case notStaged
    case chooseGroup
    case pending(GroupOperation)
    case noMergeTarget
    case sorted(byCount: Bool)

    public var isError: Bool {
        switch self {
        case .chooseGroup, .pending, .noMergeTarget: true
        default: false
        }
    }

    public var text: String {
        switch self {
        case .staged(let op, let members, let total):
            GroupText.statusStaged.text(["operation": op.summary, "members": members, "total": total])
        case .notStaged: GroupText.statusNotStaged.text
        case .chooseGroup: GroupText.statusChooseGroup.text
        case .pending(let op): GroupText.statusPending.text(["operation": op.summary])
        case .noMergeTarget: GroupText.statusNoMergeTarget.text
        case .sorted(let byCount): (byCount ? GroupText.statusSortedByCount : .statusSortedByName).text
        }
    }
}

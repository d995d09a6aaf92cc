import ContactEditing

/// One row of the group pane: a group the account has (with a staged operation on it, if any) or one a staged
/// operation will create.
public struct PaneRow: Equatable, Sendable {
    public var name: String
    public var count: Int
    /// The staged operation whose source this group is (rename, merge, delete).
    public var pending: GroupOperation?
    /// Not on the server yet: a staged create or rename target.
    public var isNew: Bool
}

/// The create, rename and merge form of the group pane.
public struct GroupForm: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case create
        case rename(from: String)
        case merge(from: String)
    }
    public var purpose: Purpose
    /// Friends in the group the form acts on (0 for create).
    public var members: Int
    public var name = TextField()
    /// Merge targets and the chosen one.
    public var choices: [String] = []
    public var choice = 0
    public var error: String?
    /// The pane row to return to.
    public var paneIndex: Int

    public init(purpose: Purpose, members: Int, choices: [String] = [], paneIndex: Int) {
        self.purpose = purpose; self.members = members; self.choices = choices; self.paneIndex = paneIndex
    }

    /// The operation the form describes now.
    public var operation: GroupOperation? {
        switch purpose {
        case .create: .create(name.string)
        case .rename(let from): .rename(from: from, to: name.string)
        case .merge(let from): choices.indices.contains(choice) ? .merge(from: from, into: choices[choice]) : nil
        }
    }
}

extension AppState {
    /// The open account's staged group operations, in the order they run.
    public var groupOperations: [GroupOperationEntry] { history.current.groupOperations(app: info.sdkAppID, account: account) }

    /// The account's group names once the staged operations have run: what forms offer and the 32-group count.
    public var projectedGroupNames: [String] {
        history.current.groupNames(after: groups.map(\.name), app: info.sdkAppID, account: account)
    }

    /// The names a new group is checked against: the projected groups plus those staged friend edits add (they
    /// take a slot too when they run).
    public var groupNamesForChecks: [String] {
        var names = projectedGroupNames
        for e in history.current.sorted where e.key.field == .groups && e.key.account == account {
            if case .groups(let add, _) = e.intent { for g in add where !names.contains(g) { names.append(g) } }
        }
        return names
    }

    /// The pane's rows after "All": the account's groups, each with the staged operation on it, then the groups
    /// staged operations create; by member count (emptiest first) when the operator sorted so.
    public var paneRows: [PaneRow] {
        let ops = groupOperations.map(\.operation)
        var rows = groups.map { g in PaneRow(name: g.name, count: g.count, pending: ops.last { $0.source == g.name }, isNew: false) }
        let known = Set(groups.map(\.name))
        for name in projectedGroupNames where !known.contains(name) {
            // A renamed group's friends go with it; a created one starts empty.
            let from = ops.last { $0.target == name }?.source
            rows.append(PaneRow(name: name, count: from.flatMap { f in groups.first { $0.name == f }?.count } ?? 0, pending: nil, isNew: true))
        }
        if groupPaneByCount {
            rows = rows.enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }.map(\.element)
        }
        return rows
    }
}

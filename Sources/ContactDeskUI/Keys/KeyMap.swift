/// Where a key is read: the friend list, a dialog or form, the change-set review.
public enum KeyContext: String, CaseIterable, Sendable {
    case list, dialog, review, prompt

    /// The help screen's heading for the context.
    var heading: String {
        switch self {
        case .list: "Friend list"
        case .dialog: "In a dialog or form"
        case .review: "Change-set screen"
        case .prompt: "In a confirmation or the start-up prompt"
        }
    }
}

/// Something the operator can do, with a stable id for config files and a line for help.
public enum ActionID: String, CaseIterable, Sendable {
    case moveDown = "move.down", moveUp = "move.up", pageDown = "page.down", pageUp = "page.up"
    case top, bottom
    case filter, sort
    case sortReverse = "sort.reverse"
    case mark
    case markAll = "mark.all"
    case markInvert = "mark.invert"
    case groups
    case openAccount = "account.open"
    case refresh, help, quit
    case edit, bulk
    case changeSet = "changes"
    case undo, redo, submit
    case retry
    case keepMine = "conflict.keep"
    case takeTheirs = "conflict.take"
    case dropEntry = "changes.drop"
    case export = "changes.export"
    case dialogAccept = "dialog.accept"
    case dialogCancel = "dialog.cancel"
    case confirmYes = "dialog.yes"
    case resumeKeep = "resume.keep"
    case resumeDiscard = "resume.discard"
    case resumeExport = "resume.export"

    public var context: KeyContext {
        switch self {
        case .dialogAccept, .dialogCancel: .dialog
        case .dropEntry, .export: .review
        case .confirmYes, .resumeKeep, .resumeDiscard, .resumeExport: .prompt
        default: .list
        }
    }

    /// One line for the help screen.
    public var summary: String {
        switch self {
        case .moveDown: "next friend"
        case .moveUp: "previous friend"
        case .pageDown: "next page"
        case .pageUp: "previous page"
        case .top: "first friend"
        case .bottom: "last friend"
        case .filter: "filter by id, nickname, remark or group (Esc clears)"
        case .sort: "sort by the next column"
        case .sortReverse: "reverse the sort order"
        case .mark: "mark or unmark the friend"
        case .markAll: "mark all shown (again: unmark them)"
        case .markInvert: "invert the marks of the shown friends"
        case .groups: "group pane: filter by friend group"
        case .openAccount: "open another account"
        case .refresh: "reload the friend list from the server"
        case .help: "this help"
        case .quit: "quit"
        case .edit: "edit the friend: remark, groups, custom fields"
        case .bulk: "bulk edit the marked friends"
        case .changeSet: "review the staged changes (old -> new)"
        case .undo: "undo the last change-set edit"
        case .redo: "redo"
        case .submit: "submit the staged changes (asks first)"
        case .retry: "retry the rows that failed or were not sent"
        case .keepMine: "conflict on this row: keep mine (send it next time)"
        case .takeTheirs: "conflict on this row: take the server's value"
        case .dropEntry: "drop the selected staged change"
        case .export: "export the change set as a JSON file"
        case .dialogAccept: "accept"
        case .dialogCancel: "cancel"
        case .confirmYes: "yes: submit, retry or quit (anything else is no)"
        case .resumeKeep: "resume the staged changes found at start"
        case .resumeDiscard: "discard them"
        case .resumeExport: "export them to a file"
        }
    }

    /// True for actions that change the change set or the server; read-only mode removes them.
    public var mutates: Bool {
        switch self {
        case .edit, .bulk, .undo, .redo, .submit, .retry, .keepMine, .takeTheirs, .dropEntry: true
        default: false
        }
    }

    /// Short label for the footer, or nil to leave it out.
    public var footer: String? {
        switch self {
        case .filter: "filter"
        case .mark: "mark"
        case .groups: "groups"
        case .edit: "edit"
        case .bulk: "bulk"
        case .changeSet: "changes"
        case .submit: "submit"
        case .undo: "undo"
        case .help: "help"
        case .quit: "quit"
        default: nil
        }
    }

    var defaultKeys: [Key] {
        switch self {
        case .moveDown: [.char("j"), .down]
        case .moveUp: [.char("k"), .up]
        case .pageDown: [.pageDown, .ctrl("f")]
        case .pageUp: [.pageUp, .ctrl("b")]
        case .top: [.char("g"), .home]
        case .bottom: [.char("G"), .end]
        case .filter: [.char("/")]
        case .sort: [.char("s")]
        case .sortReverse: [.char("~")]
        case .mark: [.char(" ")]
        case .markAll: [.char("a")]
        case .markInvert: [.char("i")]
        case .groups: [.tab]
        case .openAccount: [.char("o")]
        case .refresh: [.char("R")]
        case .help: [.char("?"), .function(1)]
        case .quit: [.char("q"), .ctrl("c")]
        case .edit: [.char("e"), .enter]
        case .bulk: [.char("b")]
        case .changeSet: [.char("c")]
        case .undo: [.char("u")]
        case .submit: [.char("S")]
        case .retry: [.char("r")]
        case .keepMine: [.char("K")]
        case .takeTheirs: [.char("T")]
        case .redo: [.ctrl("r")]
        case .dropEntry: [.char("d"), .delete]
        case .export: [.char("x")]
        case .dialogAccept: [.enter]
        case .dialogCancel: [.escape]
        case .confirmYes: [.char("y"), .char("Y")]
        case .resumeKeep: [.char("r"), .enter]
        case .resumeDiscard: [.char("d")]
        case .resumeExport: [.char("x")]
        }
    }
}

/// Key bindings per context, with the operator's overrides applied and their conflicts reported.
public struct KeyMap: Equatable, Sendable {
    private var bindings: [KeyContext: [Key: ActionID]] = [:]
    private var keysByAction: [ActionID: [Key]] = [:]
    /// Problems found while applying overrides (unknown action, unknown key, two actions on one key).
    public private(set) var problems: [String] = []

    /// The default bindings.
    public static let standard = KeyMap(overrides: [:])

    /// Defaults with `overrides` (action id → key names) applied; an override replaces that action's keys.
    /// `readOnly` leaves every mutating action unbound, so it is neither reachable nor listed in help.
    public init(overrides: [String: [String]], readOnly: Bool = false) {
        var keys: [ActionID: [Key]] = Dictionary(uniqueKeysWithValues: ActionID.allCases.map { ($0, readOnly && $0.mutates ? [] : $0.defaultKeys) })
        for (id, names) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let action = ActionID(rawValue: id) else {
                problems.append("keys: unknown action \"\(id)\"; actions are \(ActionID.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            var parsed: [Key] = []
            for name in names {
                if let k = Key(name: name) { parsed.append(k) } else {
                    problems.append("keys: \"\(name)\" for \(id) is not a key name (examples: j, Ctrl-R, Alt-b, PgDn, Space, F1)")
                }
            }
            if !parsed.isEmpty && !(readOnly && action.mutates) { keys[action] = parsed }
        }
        // Overridden actions claim their keys first, so a user's binding beats a default on the same key.
        let order = ActionID.allCases.sorted { (overrides[$0.rawValue] != nil ? 0 : 1) < (overrides[$1.rawValue] != nil ? 0 : 1) }
        for action in order {
            for key in keys[action] ?? [] {
                if let other = bindings[action.context]?[key] {
                    problems.append("keys: \(key) is bound to both \(other.rawValue) and \(action.rawValue) in the \(action.context.rawValue) context; \(action.rawValue) loses it")
                    continue
                }
                bindings[action.context, default: [:]][key] = action
                keysByAction[action, default: []].append(key)
            }
        }
    }

    /// The action a key triggers in a context.
    public func action(for key: Key, in context: KeyContext) -> ActionID? { bindings[context]?[key] }

    /// The keys bound to an action, in binding order.
    public func keys(for action: ActionID) -> [Key] { keysByAction[action] ?? [] }

    /// "j/Down" for help and footers.
    public func label(for action: ActionID) -> String { keys(for: action).map(\.description).joined(separator: "/") }
}

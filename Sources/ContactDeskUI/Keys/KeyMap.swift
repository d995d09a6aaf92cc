import ContactDeskStrings

/// Where a key is read: the friend list, the group pane, a dialog or form, the change-set review.
public enum KeyContext: String, CaseIterable, Sendable {
    case list, pane, dialog, review, prompt, field

    /// The help screen's heading for the context.
    var heading: String { KeyContextText(rawValue: rawValue)!.text }
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
    case details
    case copyID = "copy.id"
    case copyDetail = "copy.detail"
    case keepMine = "conflict.keep"
    case takeTheirs = "conflict.take"
    case dropEntry = "changes.drop"
    case export = "changes.export"
    case reviewSearch = "changes.search"
    case reviewNext = "changes.next"
    case dialogAccept = "dialog.accept"
    case dialogCancel = "dialog.cancel"
    case confirmYes = "dialog.yes"
    case resumeKeep = "resume.keep"
    case resumeDiscard = "resume.discard"
    case resumeExport = "resume.export"
    case formNext = "form.next", formPrevious = "form.previous", formToggle = "form.toggle"
    case fieldStart = "field.start", fieldEnd = "field.end"
    case fieldKillToEnd = "field.kill-end", fieldKillToStart = "field.kill-start", fieldKillWord = "field.kill-word"
    case fieldYank = "field.yank", fieldWordBack = "field.word-back", fieldWordForward = "field.word-forward"
    case groupCreate = "group.create", groupRename = "group.rename", groupDelete = "group.delete", groupMerge = "group.merge"
    case groupSort = "group.sort"

    public var context: KeyContext {
        switch self {
        case .dialogAccept, .dialogCancel: .dialog
        case .dropEntry, .export, .reviewSearch, .reviewNext: .review
        case .groupCreate, .groupRename, .groupDelete, .groupMerge, .groupSort: .pane
        case .confirmYes, .resumeKeep, .resumeDiscard, .resumeExport: .prompt
        case .formNext, .formPrevious, .formToggle, .fieldStart, .fieldEnd, .fieldKillToEnd, .fieldKillToStart, .fieldKillWord,
             .fieldYank, .fieldWordBack, .fieldWordForward: .field
        default: .list
        }
    }

    /// One line for the help screen.
    public var summary: String { Self.texts[self]!.text }

    /// Each action's words, looked up once: `KeyText(rawValue:)` compares strings, and the footer asks every frame.
    private static let texts: [ActionID: KeyText] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, KeyText(rawValue: $0.rawValue)!) })

    /// True for actions that change the change set or the server; read-only mode removes them.
    public var mutates: Bool {
        switch self {
        case .edit, .bulk, .undo, .redo, .submit, .retry, .keepMine, .takeTheirs, .dropEntry: true
        case .groupCreate, .groupRename, .groupDelete, .groupMerge: true
        default: false
        }
    }

    /// Short label for the footer, or nil to leave it out.
    public var footer: String? { Self.texts[self]!.footer?.text() }

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
        case .details: [.char("v")]
        case .copyID: [.char("y")]
        case .copyDetail: [.char("Y")]
        case .keepMine: [.char("K")]
        case .takeTheirs: [.char("T")]
        case .redo: [.ctrl("r")]
        case .dropEntry: [.char("d"), .delete]
        case .export: [.char("x")]
        case .reviewSearch: [.char("/")]
        case .reviewNext: [.char("n")]
        case .dialogAccept: [.enter]
        case .dialogCancel: [.escape]
        case .confirmYes: [.char("y"), .char("Y")]
        case .resumeKeep: [.char("r"), .enter]
        case .resumeDiscard: [.char("d")]
        case .resumeExport: [.char("x")]
        // The first key of each is what the form itself understands; other keys bound here stand for it.
        // The arrows are the form's own: they move in the groups checklist and, past its ends, between fields.
        case .formNext: [.tab]
        case .formPrevious: [.backTab]
        case .formToggle: [.char(" ")]
        case .fieldStart: [.ctrl("a"), .home]
        case .fieldEnd: [.ctrl("e"), .end]
        case .fieldKillToEnd: [.ctrl("k")]
        case .fieldKillToStart: [.ctrl("u")]
        case .fieldKillWord: [.ctrl("w")]
        case .fieldYank: [.ctrl("y")]
        case .fieldWordBack: [.alt("b")]
        case .fieldWordForward: [.alt("f")]
        case .groupCreate: [.char("n")]
        case .groupRename: [.char("r")]
        case .groupDelete: [.char("d"), .delete]
        case .groupMerge: [.char("m")]
        case .groupSort: [.char("s")]
        }
    }
}

/// Key bindings per context, with the operator's overrides applied and their conflicts reported.
public struct KeyMap: Equatable, Sendable {
    private var bindings: [KeyContext: [Key: ActionID]] = [:]
    private var keysByAction: [ActionID: [Key]] = [:]
    /// Problems found while applying overrides (unknown action, unknown key, two actions on one key).
    public private(set) var problems: [String] = []
    /// Keys that would edit or submit but are unbound because the map is read-only: pressing one says why.
    private var readOnlyKeys: [KeyContext: Set<Key>] = [:]

    /// The default bindings.
    public static let standard = KeyMap(overrides: [:])

    /// Defaults with `overrides` (action id → key names) applied; an override replaces that action's keys.
    /// `readOnly` leaves every mutating action unbound, so it is neither reachable nor listed in help.
    public init(overrides: [String: [String]], readOnly: Bool = false) {
        var keys: [ActionID: [Key]] = Dictionary(uniqueKeysWithValues: ActionID.allCases.map { ($0, $0.defaultKeys) })
        for (id, names) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let action = ActionID(rawValue: id) else {
                problems.append(UIText.keysUnknownAction.text(["id": id, "actions": ActionID.allCases.map(\.rawValue).joined(separator: ", ")]))
                continue
            }
            var parsed: [Key] = []
            for name in names {
                if let k = Key(name: name) { parsed.append(k) } else {
                    problems.append(UIText.keysNotAKey.text(["name": name, "id": id]))
                }
            }
            if !parsed.isEmpty { keys[action] = parsed }
        }
        if readOnly {
            for action in ActionID.allCases where action.mutates {
                readOnlyKeys[action.context, default: []].formUnion(keys[action] ?? [])
                keys[action] = []
            }
        }
        // Overridden actions claim their keys first, so a user's binding beats a default on the same key.
        let order = ActionID.allCases.sorted { (overrides[$0.rawValue] != nil ? 0 : 1) < (overrides[$1.rawValue] != nil ? 0 : 1) }
        for action in order {
            for key in keys[action] ?? [] {
                if let other = bindings[action.context]?[key] {
                    problems.append(UIText.keysBoundTwice.text(["key": key.description, "other": other.rawValue, "action": action.rawValue, "context": action.context.rawValue]))
                    continue
                }
                bindings[action.context, default: [:]][key] = action
                keysByAction[action, default: []].append(key)
            }
        }
    }

    /// Whether `key` would edit or submit in `context` if the map were not read-only (and nothing else took it).
    public func isReadOnly(_ key: Key, in context: KeyContext) -> Bool {
        readOnlyKeys[context]?.contains(key) == true && action(for: key, in: context) == nil
    }

    /// The action a key triggers in a context.
    public func action(for key: Key, in context: KeyContext) -> ActionID? { bindings[context]?[key] }

    /// The keys bound to an action, in binding order.
    public func keys(for action: ActionID) -> [Key] { keysByAction[action] ?? [] }

    /// In a form, a key bound to a field action stands for that action's first key, which the form understands.
    /// Plain characters are always typed (a rebinding to one would make it untypable), and the toggle key is
    /// left to the form, which knows whether the cursor is on a checkbox.
    public func canonicalFieldKey(_ key: Key) -> Key {
        if case .char = key { return key }
        guard let action = action(for: key, in: .field), action != .formToggle, let first = action.defaultKeys.first else { return key }
        return first
    }

    /// The editing keys of the form hint, from the bindings: "Tab/Shift-Tab move · Ctrl-A/E/K/U/W/Y, Alt-B/F edit".
    public var formHint: String {
        func compact(_ actions: [ActionID]) -> String {
            let names = actions.compactMap { keys(for: $0).first?.description }
            // Keys sharing a modifier read as one: Ctrl-A/E/K rather than Ctrl-A/Ctrl-E/Ctrl-K.
            for prefix in ["Ctrl-", "Alt-"] where !names.isEmpty && names.allSatisfy({ $0.hasPrefix(prefix) }) {
                return prefix + names.map { String($0.dropFirst(prefix.count)).uppercased() }.joined(separator: "/")
            }
            return names.joined(separator: "/")
        }
        let edit = [compact([.fieldStart, .fieldEnd, .fieldKillToEnd, .fieldKillToStart, .fieldKillWord, .fieldYank]),
                    compact([.fieldWordBack, .fieldWordForward])].filter { !$0.isEmpty }.joined(separator: ", ")
        return UIText.formHint.text(["move": "\(first(.formNext))/\(first(.formPrevious))", "edit": edit])
    }

    /// The first key bound to an action, for short hints ("Tab", "Ctrl-A").
    public func first(_ action: ActionID) -> String { keys(for: action).first?.description ?? "" }

    /// "j/Down" for help and footers.
    public func label(for action: ActionID) -> String { keys(for: action).map(\.description).joined(separator: "/") }
}

import ContactDeskStrings

/// A change to an account's friend groups themselves, staged beside friend edits. The REST API has no rename
/// and no move, so rename, merge and delete are carried out as moves (friend_update of each member's whole
/// list) followed by group_delete: see `GroupOperationRunner`.
public enum GroupOperation: Hashable, Codable, Sendable {
    case create(String)
    case delete(String)
    case rename(from: String, to: String)
    case merge(from: String, into: String)

    /// The group whose members move or leave; nil for create.
    public var source: String? {
        switch self {
        case .create: nil
        case .delete(let g): g
        case .rename(let from, _), .merge(let from, _): from
        }
    }

    /// Where the members of `source` go (rename, merge) or the group created; nil for delete.
    public var target: String? {
        switch self {
        case .create(let g): g
        case .delete: nil
        case .rename(_, let to): to
        case .merge(_, let into): into
        }
    }

    /// The stable word of files, the journal and the audit log.
    public var kind: String {
        switch self {
        case .create: "create"
        case .delete: "delete"
        case .rename: "rename"
        case .merge: "merge"
        }
    }

    /// Builds an operation from its stable word and names (files, the journal).
    public init?(kind: String, name: String, target: String?) {
        switch (kind, target) {
        case ("create", nil): self = .create(name)
        case ("delete", nil): self = .delete(name)
        case ("rename", let t?): self = .rename(from: name, to: t)
        case ("merge", let t?): self = .merge(from: name, into: t)
        default: return nil
        }
    }

    /// The account's group names after this operation: a rename or merge target is created (at the end) before
    /// the source goes, as the service does it.
    public func apply(toNames names: [String]) -> [String] {
        var out = names
        if let target, !out.contains(target) { out.append(target) }
        if let source { out.removeAll { $0 == source } }
        return out
    }

    /// A friend's group list after this operation: the source replaced by the target in place (dropped when the
    /// friend is in the target already), or removed for delete.
    public func apply(toFriend groups: [String]) -> [String] {
        guard let source, let i = groups.firstIndex(of: source) else { return groups }
        var out = groups
        if let target, !groups.contains(target) { out[i] = target } else { out.remove(at: i) }
        return out
    }

    /// A line for screens and CLI output: `rename Billing -> 账单`.
    public var summary: String { summary(in: .current) }

    /// The same in English, for the audit log's `info`.
    public var record: String { summary(in: .en) }

    func summary(in language: Language) -> String {
        switch self {
        case .create(let g): GroupText.summaryCreate.text(in: language, ["name": g])
        case .delete(let g): GroupText.summaryDelete.text(in: language, ["name": g])
        case .rename(let f, let t): GroupText.summaryRename.text(in: language, ["from": f, "to": t])
        case .merge(let f, let t): GroupText.summaryMerge.text(in: language, ["from": f, "into": t])
        }
    }
}

/// One staged group operation of one account, with the number of friends it touched when staged (the review
/// shows it; the submit re-reads).
public struct GroupOperationEntry: Hashable, Codable, Sendable {
    public var app: UInt64
    public var account: String
    public var operation: GroupOperation
    public var members: Int

    public init(app: UInt64, account: String, operation: GroupOperation, members: Int) {
        self.app = app; self.account = account; self.operation = operation; self.members = members
    }
}

extension GroupOperation {
    /// Checks an operation against the groups the account will have when it runs (the server's groups with
    /// the earlier staged operations applied): names of 1 to 30 bytes, a source that exists, a new name that
    /// does not, a merge target that does, and at most 32 groups at any moment.
    public func problem(groups: [String]) -> GroupOperationProblem? {
        problemText(groups: groups).map { GroupOperationProblem(error: $0, isLimit: $0.message == Self.limitText(groups)) }
    }

    static func limitText(_ groups: [String]) -> String {
        GroupText.problemLimit.text(["count": groups.count, "limit": FieldLimits.groupsPerAccount])
    }

    func problemText(groups: [String]) -> ValidationError? {
        let validator = Validator(configuredFields: [])
        for name in [source, target].compactMap({ $0 }) {
            do { try validator.groupName(name) } catch { return error }
        }
        let field = EditText.fieldGroupNamed.text(["name": source ?? target ?? ""])
        if let source, !groups.contains(source) {
            return ValidationError(field: field, message: GroupText.problemNoSuchGroup.text(["name": source]))
        }
        switch self {
        case .create(let g), .rename(_, let g):
            if groups.contains(g) {
                return ValidationError(field: EditText.fieldGroupNamed.text(["name": g]),
                                       message: (source == nil ? GroupText.problemExists : GroupText.problemExistsUseMerge).text(["name": g]))
            }
            if groups.count + 1 > FieldLimits.groupsPerAccount {
                return ValidationError(field: EditText.fieldGroups.text, message: Self.limitText(groups))
            }
        case .merge(let from, let into):
            if from == into { return ValidationError(field: field, message: GroupText.problemMergeSelf.text) }
            if !groups.contains(into) {
                return ValidationError(field: EditText.fieldGroupNamed.text(["name": into]),
                                       message: GroupText.problemNoSuchGroup.text(["name": into]))
            }
        case .delete: break
        }
        return nil
    }
}

/// Why a group operation cannot be staged or sent; `isLimit` when it is the 32-group limit (the service would
/// answer 30011), which the CLI reports as a refusal rather than a usage error.
public struct GroupOperationProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var error: ValidationError
    public var isLimit: Bool
    public var description: String { error.description }
}

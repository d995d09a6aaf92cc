extension ChangeSet {
    /// The staged group operations of one account, in order.
    public func groupOperations(app: UInt64, account: String) -> [GroupOperationEntry] {
        groupOperations.filter { $0.app == app && $0.account == account }
    }

    /// The account's group names once its staged operations have run, from the names it has now.
    public func groupNames(after existing: [String], app: UInt64, account: String) -> [String] {
        groupOperations(app: app, account: account).reduce(existing) { $1.operation.apply(toNames: $0) }
    }

    /// Stages a group operation, checked by the caller against `groupNames(after:)`. An operation that undoes the
    /// account's last one folds into it (create X then delete X leaves nothing; rename A->B then B->C is A->C),
    /// only the last, so nothing staged in between runs in a different order; `fold: false` keeps the last one as
    /// it is (it has started or failed). Friend edits that name the source follow it, so a friend staged into a
    /// group that is then renamed lands in the new name instead of bringing the old one back.
    public mutating func stage(_ entry: GroupOperationEntry, fold: Bool = true) {
        let mine = { (e: GroupOperationEntry) in e.app == entry.app && e.account == entry.account }
        var folded = false
        if fold, let source = entry.operation.source, let i = groupOperations.lastIndex(where: mine),
           groupOperations[i].operation.target == source {
            switch (groupOperations[i].operation, entry.operation) {
            case (.create, .delete):
                groupOperations.remove(at: i); folded = true
            case (.create, .rename(_, let to)):
                groupOperations[i].operation = .create(to); folded = true
            case (.rename(let a, _), .rename(_, let c)):
                if a == c { groupOperations.remove(at: i) } else { groupOperations[i].operation = .rename(from: a, to: c) }
                folded = true
            default: break
            }
        }
        if !folded { groupOperations.append(entry) }
        follow(entry)
    }

    /// Removes one staged group operation (the change-set screen's drop).
    public mutating func dropGroupOperation(_ entry: GroupOperationEntry) {
        if let i = groupOperations.firstIndex(of: entry) { groupOperations.remove(at: i) }
    }

    /// Friend edits of the account that name the operation's source follow it: a rename maps it in both lists;
    /// a merge maps an added source to the target but only forgets a removed one (the friend may be in the target
    /// on their own account); a delete forgets it.
    private mutating func follow(_ entry: GroupOperationEntry) {
        guard let source = entry.operation.source else { return }
        let isRename = if case .rename = entry.operation { true } else { false }
        for (key, e) in entries where key.app == entry.app && key.account == entry.account && key.field == .groups {
            guard case .groups(let add, let remove) = e.intent, add.contains(source) || remove.contains(source) else { continue }
            func swap(_ list: [String], to target: String?) -> [String] {
                var out: [String] = []
                for g in list {
                    let n = g == source ? target : g
                    if let n, !out.contains(n) { out.append(n) }
                }
                return out
            }
            let updated = ChangeEntry(key: key, base: e.base, intent: .groups(add: swap(add, to: entry.operation.target),
                                                                               remove: swap(remove, to: isRename ? entry.operation.target : nil)))
            entries[key] = updated.result == updated.base ? nil : updated
        }
    }
}

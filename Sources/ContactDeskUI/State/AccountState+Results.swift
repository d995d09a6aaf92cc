import ContactEditing

extension AccountState {
    /// Applies a submit report: applied friends leave the change set with their new values as the base;
    /// failed, conflicting and unsent ones stay staged with their outcome shown on the row. The submit session
    /// settled the journal by the same rule; the undo history ends here: what was sent cannot be unsent.
    mutating func apply(_ report: Submitter.Report, _ entries: [ChangeEntry]) {
        submitting = nil
        results.merge(report.outcomes) { $1 }
        for i in friends.indices {
            guard let fresh = report.fresh[friends[i].id] else { continue }
            friends[i].remark = fresh.remark
            friends[i].groups = fresh.groups
            friends[i].custom = fresh.custom
        }
        history.reset(history.current.settled(after: entries, outcomes: report.outcomes))
        // Groups a submit created exist on the server now: the pane, the forms and the 32-group count follow the
        // fresh friends at once, not only after the next reload. Empty groups the list had stay listed.
        setGroups(groups.map(\.name))
    }

    /// The group list from `names` plus any group a friend is in, each counted from the friends.
    mutating func setGroups(_ names: [String]) {
        var counts: [String: Int] = [:]
        var all = names
        var known = Set(names)
        for f in friends {
            for g in f.groups {
                counts[g, default: 0] += 1
                if known.insert(g).inserted { all.append(g) }
            }
        }
        groups = all.map { GroupSummary(name: $0, count: counts[$0] ?? 0) }
    }
}

extension AppState {
    /// Changes the state of `account`, on screen or kept.
    mutating func update(_ account: String, _ change: (inout AccountState) -> Void) {
        if account == self.account { change(&current) } else if others[account] != nil { change(&others[account]!) }
    }
}

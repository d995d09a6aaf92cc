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
        var settled = history.current.settled(after: entries, outcomes: report.outcomes)
        var names = groups.map(\.name)
        for g in report.groups {
            // Moved friends show their new lists; a finished operation leaves the change set, one not done stays with its outcome.
            for m in g.moves where m.outcome == .ok {
                if let i = friends.firstIndex(where: { $0.id == m.move.friend }) { friends[i].groups = m.move.new }
            }
            if g.created, let t = g.entry.operation.target, !names.contains(t) { names.append(t) }
            if g.deleted, let s = g.entry.operation.source { names.removeAll { $0 == s } }
            if g.outcome == .ok { settled.dropGroupOperation(g.entry); groupResults[g.entry.operation] = nil } else { groupResults[g.entry.operation] = g.outcome }
        }
        history.reset(settled)
        // Groups a submit created exist on the server now: the pane, the forms and the 32-group count follow the
        // fresh friends at once, not only after the next reload. Empty groups the list had stay listed.
        setGroups(names)
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

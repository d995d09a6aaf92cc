import ContactDeskUI
import ContactEditing
import Foundation
import Testing
import TestSupport

/// Editing transitions of the reducer: forms, bulk edits, undo/redo, journal outcomes and resume.
@Suite struct EditingReducerTests {
    func loaded() -> AppState {
        var s = ReducerTests.loaded()
        s.configuredFields = ["Tier"]
        return s
    }

    func type(_ s: inout AppState, _ text: String) { for c in text { _ = Reducer.reduce(&s, .key(.char(c))) } }

    @Test func theEditFormStagesARemarkAndAsksForItToBeJournaled() {
        var s = loaded()   // cursor on c1 (Bob, "billing")
        _ = Reducer.reduce(&s, .key(.char("e")))
        guard case .edit(let form) = s.overlay else { Issue.record("no form"); return }
        #expect(form.remark.string == "billing" && form.checked == ["Billing", "VIP"])
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        type(&s, "账单")
        guard case .edit(let typed) = s.overlay else { Issue.record("no form"); return }
        let key = EntryKey(app: 1, account: "a", friend: "c1", field: .remark)
        var staged = ChangeSet()
        staged.stage(key, base: .text("billing"), intent: .set("账单"))
        let before = s.history
        // The whole transition: the form closes, one entry is staged, the journal is asked to save it, and the
        // form is kept until that write is answered.
        assertReduce(&s, .key(.enter), effects: [.saveChanges(staged, previous: ChangeSet())]) {
            $0.overlay = .none
            $0.history.apply { $0 = staged }
            $0.beforeLastEdit = before
            $0.formAwaitingSave = .edit(typed)
            $0.status = .staged(friend: "c1", total: 1)
        }
        #expect(s.stagedFriends == ["c1"])
    }

    @Test func aRefusedValueKeepsTheFormOpenWithTheError() {
        var s = loaded()
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        type(&s, String(repeating: "备", count: 32) + "x")
        guard case .edit(var form) = s.overlay else { Issue.record("form closed"); return }
        // Refused: only the form changes (its error, the focus on the remark); nothing is staged or saved.
        form.error = "Remark: 97 bytes, the limit is 96 bytes of UTF-8 (about 32 Chinese characters); shorten it by 1 byte"
        form.focus = 0
        assertReduce(&s, .key(.enter)) { $0.overlay = .edit(form) }
    }

    @Test func togglingGroupsAndANewGroupStageOneGroupsEntry() {
        var s = loaded()
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.tab))          // the checklist, on VIP (account groups: VIP, Billing)
        _ = Reducer.reduce(&s, .key(.char(" ")))    // uncheck VIP
        _ = Reducer.reduce(&s, .key(.down))         // Billing
        _ = Reducer.reduce(&s, .key(.tab))          // new group: Tab leaves the checklist whatever its length
        type(&s, "新组")
        _ = Reducer.reduce(&s, .key(.enter))
        let key = EntryKey(app: 1, account: "a", friend: "c1", field: .groups)
        #expect(s.history.current[key]?.result == .groups(["Billing", "新组"]))
        #expect(s.history.current[key]?.base == .groups(["Billing", "VIP"]))
    }

    @Test func bulkAddGroupStagesEveryMarkedFriendAndUndoRedoEmitSaves() {
        var s = loaded()
        _ = Reducer.reduce(&s, .key(.char("b")))
        #expect(s.overlay == .none && s.statusIsError)   // nothing marked yet
        _ = Reducer.reduce(&s, .key(.char("a")))
        _ = Reducer.reduce(&s, .key(.char("b")))
        type(&s, "VIP")
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.history.current.count == 1)            // c1 and c3 already in VIP
        #expect(s.status?.text == "Add to group: 1 of 3 marked friends changed; 1 staged in all")
        let undo = Reducer.reduce(&s, .key(.char("u")))
        #expect(s.history.current.isEmpty && undo.count == 1)
        let redo = Reducer.reduce(&s, .key(.ctrl("r")))
        #expect(s.history.current.count == 1 && redo.count == 1)
    }

    @Test func aJournalRefusalTakesTheEditBack() {
        var s = loaded()
        _ = Reducer.reduce(&s, .key(.char("e")))
        type(&s, "!")
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.history.current.count == 1)
        _ = Reducer.reduce(&s, .saveFailed(.other("NOT staged: /state is read-only")))
        #expect(s.history.current.isEmpty && s.statusIsError && s.status?.text.hasPrefix("NOT staged") == true)
        // The form is back with the text as typed and the reason on it.
        guard case .edit(let form) = s.overlay else { Issue.record("form closed: \(s.overlay)"); return }
        #expect(form.remark.string.hasSuffix("!") && form.error == "NOT staged: /state is read-only")
        // An edit that was saved stays, whatever a late reconcile says.
        _ = Reducer.reduce(&s, .key(.escape))
        _ = Reducer.reduce(&s, .key(.char("e")))
        type(&s, "?")
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .key(.char("j")))
        _ = Reducer.reduce(&s, .reconcileFailed(.other("network down"), account: s.account))
        #expect(s.history.current.count == 1 && s.status?.text.contains("could not re-read rows of an interrupted submit") == true)
        // A refusal after the next key (an undo, say) does not reopen a form.
        _ = Reducer.reduce(&s, .key(.escape))
        _ = Reducer.reduce(&s, .saveFailed(.other("NOT staged: again")))
        #expect(s.overlay == .none)
    }

    @Test func resumeDiscardOrExportAtStart() {
        var s = loaded()
        var set = ChangeSet()
        set.stage(EntryKey(app: 1, account: "a", friend: "c2", field: .remark), base: .text(""), intent: .set("x"))
        _ = Reducer.reduce(&s, .journalLoaded(set, account: s.account))
        #expect(s.overlay == .resume(set))
        #expect(Reducer.reduce(&s, .key(.char("x"))) == [.export(set)])
        _ = Reducer.reduce(&s, .key(.char("r")))
        #expect(s.history.current == set && s.overlay == .none && !s.history.canUndo)
        _ = Reducer.reduce(&s, .journalLoaded(set, account: s.account))
        #expect(Reducer.reduce(&s, .key(.char("d"))) == [.discardJournal])
        #expect(s.history.current.isEmpty)
    }

    @Test func theChangeSetScreenDropsEntries() {
        var s = loaded()
        _ = Reducer.reduce(&s, .key(.char("a")))
        _ = Reducer.reduce(&s, .key(.char("b")))
        type(&s, "Team")
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.history.current.count == 3)
        _ = Reducer.reduce(&s, .key(.char("c")))
        _ = Reducer.reduce(&s, .key(.char("j")))
        let effects = Reducer.reduce(&s, .key(.char("d")))
        #expect(s.history.current.count == 2 && effects.count == 1 && s.overlay == .changes(cursor: 1))
        #expect(!s.history.current.friends.contains("c2"))
    }
}

@Suite struct SubmitReducerTests {
    @Test func submitAsksFirstAndDefaultsToNo() {
        var s = ReducerTests.loaded()
        #expect(Reducer.reduce(&s, .key(.char("S"))).isEmpty && s.status?.text == "nothing staged to submit")
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.char("!")))
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .key(.char("S")))
        #expect(s.overlay == .confirmSubmit(retry: nil))
        #expect(Reducer.reduce(&s, .key(.enter)).isEmpty && s.overlay == .none && s.status?.text == "not submitted")
        _ = Reducer.reduce(&s, .key(.char("S")))
        let effects = Reducer.reduce(&s, .key(.char("y")))
        #expect(effects == [.submit(s.history.current.sorted, groups: [])] && s.submitting == SubmitProgress(done: 0, total: 1))
    }

    @Test func appliedRowsLeaveTheChangeSetAndFailedOnesStay() {
        var s = ReducerTests.loaded()
        s.marked = ["c1", "c2"]
        _ = Reducer.reduce(&s, .key(.char("b")))
        for c in "Team" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        let entries = s.history.current.sorted
        let report = Submitter.Report(outcomes: ["c1": .ok, "c2": .failed(code: 30011, info: "")],
                                      fresh: ["c1": Friend(id: "c1", remark: "billing", groups: ["Billing", "VIP", "Team"])])
        let effects = Reducer.reduce(&s, .submitFinished(report, entries: entries, account: s.account))
        // The submit session settled the journal already; the reducer only follows it.
        #expect(s.history.current.friends == ["c2"] && !s.history.canUndo && effects.isEmpty)
        #expect(s.friends.first { $0.id == "c1" }?.groups == ["Billing", "VIP", "Team"])
        #expect(s.results["c2"]?.inline == "✗ 30011 friend-list group limit reached (32)")
        #expect(s.status?.text == "submitted: 1 ✓, 1 ✗, 0 conflicts; 1 still staged" && s.statusIsError)
        // On the failed row, the status line gives the code, the catalog's words and its hint.
        _ = Reducer.reduce(&s, .key(.char("j")))
        #expect(s.selected?.id == "c2")
        // The status area wraps: read its rows as one text.
        let lines = Screen.render(s).lines
        let status = lines[(s.height - 5)...(s.height - 2)].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(status.contains("c2: ✗ 30011 friend-list group limit reached (32) · Use an existing group, or delete an unused group first."), "\(status)")
    }
}

@Suite struct RetryConflictAndReadOnlyTests {
    func submitted(_ outcomes: [String: SubmitOutcome]) -> AppState {
        var s = ReducerTests.loaded()
        s.marked = ["c1", "c2"]
        _ = Reducer.reduce(&s, .key(.char("b")))
        for c in "Team" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .submitFinished(Submitter.Report(outcomes: outcomes, fresh: [:]), entries: s.history.current.sorted, account: s.account))
        return s
    }

    @Test func retrySendsOnlyTheFailedRows() {
        var s = submitted(["c1": .ok, "c2": .notSent(reason: "timed out")])
        // r asks like S does, naming what it would send; only y sends.
        #expect(Reducer.reduce(&s, .key(.char("r"))).isEmpty && s.overlay == .confirmSubmit(retry: s.history.current.sorted))
        #expect(Screen.render(s).snapshot.contains("Send 1 failed or unsent change for 1 friend"))
        let effects = Reducer.reduce(&s, .key(.char("y")))
        #expect(effects == [.submit(s.history.current.sorted, groups: [])] && s.history.current.friends == ["c2"])
    }

    @Test func keepMineRebasesOnTheServerValueAndTakeTheirsDrops() {
        var s = submitted(["c1": .conflict(fields: [.groups]), "c2": .ok])
        #expect(s.selected?.id == "c1")
        _ = Reducer.reduce(&s, .key(.char("K")))
        let key = EntryKey(app: 1, account: "a", friend: "c1", field: .groups)
        #expect(s.history.current[key]?.base == .groups(["Billing", "VIP"]) && s.results["c1"] == nil)
        var t = submitted(["c1": .conflict(fields: [.groups]), "c2": .ok])
        _ = Reducer.reduce(&t, .key(.char("T")))
        #expect(t.history.current.isEmpty)
    }

    @Test func readOnlyRemovesEveryMutatingActionFromKeysAndHelp() {
        let map = KeyMap(overrides: ["edit": ["E"]], readOnly: true)
        for a in ActionID.allCases where a.mutates { #expect(map.keys(for: a).isEmpty, "\(a)") }
        #expect(map.action(for: .char("/"), in: .list) == .filter)
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t", readOnly: true), account: "a", keyMap: map)
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: ReducerTests.friends)))
        #expect(Reducer.reduce(&s, .key(.char("e"))).isEmpty && s.overlay == .none)
        #expect(Reducer.reduce(&s, .key(.char("S"))).isEmpty && s.overlay == .none)
        _ = Reducer.reduce(&s, .key(.char("?")))
        let help = Screen.render(s).snapshot
        #expect(!help.contains("submit the staged changes") && !help.contains("edit the friend") && help.contains("filter by id"))
        #expect(Screen.render(s).lines[0].hasPrefix(" READ-ONLY │ ContactDesk │"))
    }
}

/// Results answer the account they were made for: a submit that ends after `o` never touches the rows of the
/// account now on screen, and the next account starts without the last one's ✓/✗.
@Suite struct AccountScopeTests {
    func submittingThenOpened() -> (AppState, [ChangeEntry]) {
        var s = ReducerTests.loaded()
        _ = Reducer.reduce(&s, .key(.char("e")))
        for c in "new remark" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .key(.char("S")))
        let effects = Reducer.reduce(&s, .key(.char("y")))
        guard case .submit(let entries, _)? = effects.first else { Issue.record("no submit: \(effects)"); return (s, []) }
        // `o` while the submit runs: another account whose friend has the same UserID.
        _ = Reducer.open(&s, "other")
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "other", friends: ReducerTests.loaded().friends)))
        return (s, entries)
    }

    @Test func aSubmitThatEndsAfterOpenLeavesTheOtherAccountAlone() {
        var (s, entries) = submittingThenOpened()
        let friend = entries[0].key.friend
        let before = s.friends
        let report = Submitter.Report(outcomes: [friend: .ok], fresh: [friend: Friend(id: friend, remark: "new remark")])
        let effects = Reducer.reduce(&s, .submitFinished(report, entries: entries, account: entries[0].key.account))
        #expect(effects.isEmpty)
        #expect(s.friends == before && s.results.isEmpty && s.history.current.isEmpty)
        #expect(s.submitting == nil)
        #expect(s.status?.text.contains("the submit for \(entries[0].key.account) finished after you left it: 1 ✓") == true, "\(s.status?.text ?? "")")
        // It was recorded on its own account, which shows it on return: the ✓, the new value, nothing staged.
        _ = Reducer.open(&s, entries[0].key.account)
        #expect(s.results[friend] == .ok && s.friends.first { $0.id == friend }?.remark == "new remark" && s.history.current.isEmpty)
        #expect(!s.anySubmitRunning)
    }

    @Test func progressOfASubmitLeftBehindStaysWithItsAccount() {
        var (s, entries) = submittingThenOpened()
        let account = entries[0].key.account
        _ = Reducer.reduce(&s, .submitProgress(done: 1, total: 1, account: account))
        #expect(s.submitting == nil && s.others[account]?.submitting == SubmitProgress(done: 1, total: 1))
        // Quitting now asks, naming the other account's submit.
        _ = Reducer.reduce(&s, .key(.char("q")))
        #expect(s.overlay == .confirmQuit && Screen.render(s).snapshot.contains("A submit for \(account) is running (1/1 row)"))
    }

    @Test func lateJournalAndReconcileResultsOfAnotherAccountAreIgnored() {
        var (s, entries) = submittingThenOpened()
        _ = Reducer.reduce(&s, .journalLoaded(ChangeSet(entries), account: entries[0].key.account))
        #expect(s.overlay == .none)
        _ = Reducer.reduce(&s, .reconciled(applied: [entries[0].key.friend], stillInFlight: 0, account: entries[0].key.account))
        #expect(s.results.isEmpty)
        _ = Reducer.reduce(&s, .submitFailed(.other("network down"), account: entries[0].key.account))
        #expect(s.submitting == nil && s.status?.text.hasPrefix("the submit for \(entries[0].key.account) failed") == true)
    }

    @Test func openingAnotherAccountForgetsTheResultsOfTheLastOne() {
        var s = ReducerTests.loaded()
        s.results = ["c1": .ok, "c2": .failed(code: 30011, info: "")]
        _ = Reducer.open(&s, "other")
        #expect(s.results.isEmpty)
    }
}

/// q and Ctrl-C leave at once when nothing is pending, and ask (default No) with staged edits or a submit running.
@Suite struct QuitTests {
    @Test func quitWithNothingPendingLeavesAtOnce() {
        for key in [Key.char("q"), .ctrl("c")] {
            var s = ReducerTests.loaded()
            #expect(Reducer.reduce(&s, .key(key)) == [.quit] && s.quitting)
        }
    }

    @Test func quitWithStagedEditsAsksAndDefaultsToNo() {
        var s = ReducerTests.loaded()
        _ = Reducer.reduce(&s, .key(.char("e")))
        for c in "x" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        for key in [Key.char("q"), .ctrl("c")] {
            #expect(Reducer.reduce(&s, .key(key)).isEmpty && s.overlay == .confirmQuit && !s.quitting)
            #expect(Screen.render(s).snapshot.contains("1 staged change is not submitted"))
            _ = Reducer.reduce(&s, .key(.char("n")))
            #expect(s.overlay == .none && !s.quitting && s.status?.text == "not quitting")
        }
        _ = Reducer.reduce(&s, .key(.char("q")))
        #expect(Reducer.reduce(&s, .key(.char("y"))) == [.quit] && s.quitting)
        // Ctrl-C twice is a firm answer.
        var t = ReducerTests.loaded()
        t.submitting = SubmitProgress(done: 3, total: 10)
        _ = Reducer.reduce(&t, .key(.ctrl("c")))
        #expect(t.overlay == .confirmQuit && Screen.render(t).snapshot.contains("A submit is running (3/10 rows)"))
        #expect(Reducer.reduce(&t, .key(.ctrl("c"))) == [.quit] && t.quitting)
    }
}

/// Each overlay is a feature of its own; these check the keys they take from the key map.
@Suite struct FeatureKeyTests {
    @Test func theChangeSetScreenPagesAndJumpsLikeTheList() {
        var s = ReducerTests.loaded(height: 24)
        s.history.reset(ChangeSet((0..<3000).map {
            ChangeEntry(key: EntryKey(app: 1, account: "a", friend: String(format: "u%04d", $0), field: .remark), base: .text(""), intent: .set("x"))
        }))
        _ = Reducer.reduce(&s, .key(.char("c")))
        let page = s.listHeight - 2
        assertReduce(&s, .key(.char("G"))) { $0.overlay = .changes(cursor: 2999) }
        assertReduce(&s, .key(.pageUp)) { $0.overlay = .changes(cursor: 2999 - page) }
        assertReduce(&s, .key(.char("g"))) { $0.overlay = .changes(cursor: 0) }
        assertReduce(&s, .key(.pageDown)) { $0.overlay = .changes(cursor: page) }
        #expect(Screen.render(s).snapshot.contains(String(format: "u%04d", page)))
        assertReduce(&s, .key(.escape)) { $0.overlay = .none }
    }

    @Test func theGroupPaneAndHelpFollowARebindingOfTheMoveKeys() {
        var s = ReducerTests.loaded()
        s.keyMap = KeyMap(overrides: ["move.down": ["n"], "move.up": ["p"]])
        _ = Reducer.reduce(&s, .key(.tab))
        assertReduce(&s, .key(.char("n"))) { $0.overlay = .groupPane(index: 1) }
        assertReduce(&s, .key(.char("j")))   // no longer bound
        assertReduce(&s, .key(.char("p"))) { $0.overlay = .groupPane(index: 0) }
        assertReduce(&s, .key(.escape)) { $0.overlay = .none }
        _ = Reducer.reduce(&s, .key(.char("?")))
        assertReduce(&s, .key(.char("n"))) { $0.overlay = .help(scroll: 1) }
    }

    /// Hints name the keys the key map has, not the defaults.
    @Test func dialogHintsNameTheBoundKeys() {
        var s = ReducerTests.loaded()
        s.keyMap = KeyMap(overrides: ["dialog.cancel": ["Ctrl-G"]])
        _ = Reducer.reduce(&s, .key(.char("e")))
        #expect(Screen.render(s).snapshot.contains("Enter stages · Ctrl-G cancels"))
        _ = Reducer.reduce(&s, .key(.ctrl("g")))
        #expect(s.overlay == .none)
        assertReduce(&s, .key(.char("/"))) { $0.overlay = .filter }
        #expect(s.filtering && Screen.render(s).snapshot.contains("(Enter keeps, Ctrl-G clears)"))
    }

    @Test func confirmationsAndTheResumePromptTakeTheirKeysFromTheKeyMap() {
        var s = ReducerTests.loaded()
        s.keyMap = KeyMap(overrides: ["dialog.yes": ["J"], "resume.discard": ["X"], "resume.export": ["E"]])
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.char("!")))
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .key(.char("S")))
        #expect(Screen.render(s).snapshot.contains("J submit · any other key: no (default)"))
        assertReduce(&s, .key(.char("y"))) { $0.overlay = .none; $0.status = .notSubmitted }
        _ = Reducer.reduce(&s, .key(.char("S")))
        #expect(Reducer.reduce(&s, .key(.char("J"))) == [.submit(s.history.current.sorted, groups: [])])
        let set = s.history.current
        _ = Reducer.reduce(&s, .journalLoaded(set, account: s.account))
        #expect(Screen.render(s).snapshot.contains("r/Enter resume them · E export them to a file · X discard them"))
        #expect(Reducer.reduce(&s, .key(.char("x"))).isEmpty && Reducer.reduce(&s, .key(.char("E"))) == [.export(set)])
        #expect(Reducer.reduce(&s, .key(.char("X"))) == [.discardJournal])
    }

    /// The pane's index can outlive the groups (a refresh returned fewer): Enter still picks a row.
    @Test func theGroupPaneSurvivesFewerGroupsThanItsIndex() {
        var s = ReducerTests.loaded()
        s.overlay = .groupPane(index: 2)   // VIP, Billing: index 2 is Billing
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: ReducerTests.friends, groups: [GroupSummary(name: "VIP", count: 2)])))
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.overlay == .none && s.groupFilter == "VIP")
    }

    /// A slow reconcile's prompt waits for the open form, and keeps what was staged meanwhile either way.
    @Test func aLateResumePromptWaitsForTheFormAndKeepsEditsStagedMeanwhile() {
        var s = ReducerTests.loaded()
        _ = Reducer.reduce(&s, .key(.char("e")))
        let found = ChangeSet([ChangeEntry(key: s.key("c2", .remark), base: .text(""), intent: .set("from the journal"))])
        _ = Reducer.reduce(&s, .journalLoaded(found, account: s.account))
        guard case .edit = s.overlay else { Issue.record("the form was swept away: \(s.overlay)"); return }
        _ = Reducer.reduce(&s, .key(.char("!")))
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.overlay == .resume(found))
        let meanwhile = s.history.current
        // Discard drops only what the journal had found; the edit made meanwhile stays, on screen and on disk.
        let effects = Reducer.reduce(&s, .key(.char("d")))
        #expect(s.history.current == meanwhile && effects == [.saveChanges(meanwhile, previous: ChangeSet(found.sorted + meanwhile.sorted))])
        // Resume keeps both.
        _ = Reducer.reduce(&s, .journalLoaded(found, account: s.account))
        _ = Reducer.reduce(&s, .key(.char("r")))
        #expect(s.history.current == ChangeSet(found.sorted + meanwhile.sorted) && s.history.current.count == 2)
    }

    /// Form keys come from the key map too: a rebinding works in the fields and shows in the hint, and the
    /// move keys of panes and the change set are not taken for form keys.
    @Test func formKeysFollowTheKeyMap() {
        var s = EditingReducerTests().loaded()
        s.keyMap = KeyMap(overrides: ["field.start": ["Ctrl-G"], "form.next": ["Ctrl-N"], "form.toggle": ["Ctrl-T"]])
        _ = Reducer.reduce(&s, .key(.char("e")))
        #expect(Screen.render(s).snapshot.contains("Ctrl-N/Shift-Tab move · Ctrl-G/E/K/U/W/Y, Alt-B/F edit"))
        _ = Reducer.reduce(&s, .key(.ctrl("g")))
        _ = Reducer.reduce(&s, .key(.char(">")))
        guard case .edit(let form) = s.overlay else { Issue.record("form closed"); return }
        #expect(form.remark.string == ">billing")
        _ = Reducer.reduce(&s, .key(.ctrl("n")))   // to the first group, VIP (checked)
        _ = Reducer.reduce(&s, .key(.ctrl("t")))
        guard case .edit(let toggled) = s.overlay else { Issue.record("form closed"); return }
        #expect(toggled.focus == 1 && !toggled.checked.contains("VIP"))
        #expect(Screen.render(s).snapshot.contains("Ctrl-T toggles"))
        // Down still moves in the group pane and the change-set screen.
        _ = Reducer.reduce(&s, .key(.escape))
        _ = Reducer.reduce(&s, .key(.tab))
        assertReduce(&s, .key(.down)) { $0.overlay = .groupPane(index: 1) }
    }
}

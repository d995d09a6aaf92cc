import ChatAPI
import ContactDeskStrings
import ContactDeskUI
import ContactEditing
import Testing
import TestSupport

/// The group pane's operations as pure state changes: each names its group and friends, deletes default to No,
/// names are checked on the field, read-only removes it all, and a submit runs the operations first.
@Suite struct GroupPaneTests {
    /// The pane open on "VIP" (row 1; the groups are VIP with 2 friends, then Billing with 1).
    static func paneOnVIP() -> AppState {
        var s = ReducerTests.loaded()
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .key(.char("j")))
        return s
    }

    static func type(_ s: inout AppState, _ text: String) { for c in text { _ = Reducer.reduce(&s, .key(.char(c))) } }

    @Test func deleteAsksNamingTheFriendsAndDefaultsToNo() {
        var s = Self.paneOnVIP()
        _ = Reducer.reduce(&s, .key(.char("d")))
        let entry = GroupOperationEntry(app: 1, account: "a", operation: .delete("VIP"), members: 2)
        #expect(s.overlay == .groupDelete(entry, index: 1))
        #expect(Screen.render(s).snapshot.contains("Delete group \"VIP\"? Its 2 friends leave the group and"))
        assertReduce(&s, .key(.enter)) { $0.overlay = .groupPane(index: 1); $0.status = .group(.notStaged) }
        _ = Reducer.reduce(&s, .key(.char("d")))
        let effects = Reducer.reduce(&s, .key(.char("y")))
        #expect(s.history.current.groupOperations == [entry])
        #expect(effects.count == 1, "written to the journal: \(effects)")
        #expect(s.paneRows.first?.pending == .delete("VIP") && s.projectedGroupNames == ["Billing"])
        let screen = Screen.render(s).snapshot
        #expect(screen.contains("groups 1/32") && screen.contains("✗ VIP"), "\(screen)")
        // A second operation on the same group is refused with the reason.
        _ = Reducer.reduce(&s, .key(.char("r")))
        #expect(s.status == .group(.pending(.delete("VIP"))) && s.overlay == .groupPane(index: 1))
        // Undo takes it back like any edit.
        _ = Reducer.reduce(&s, .key(.escape))
        _ = Reducer.reduce(&s, .key(.char("u")))
        #expect(s.history.current.isEmpty)
    }

    @Test func renameChecksTheNameOnTheFieldThenStages() {
        var s = Self.paneOnVIP()
        _ = Reducer.reduce(&s, .key(.char("r")))
        guard case .groupForm(let form) = s.overlay else { Issue.record("no form: \(s.overlay)"); return }
        #expect(form.purpose == .rename(from: "VIP") && form.members == 2)
        #expect(Screen.render(s).snapshot.contains("Rename group \"VIP\" (2 friends)"))
        Self.type(&s, String(repeating: "组", count: 11))
        _ = Reducer.reduce(&s, .key(.enter))
        guard case .groupForm(let refused) = s.overlay else { Issue.record("the form closed"); return }
        #expect(refused.error == "Group \"组组组组组组组组组组组\": 33 bytes, the limit is 30 bytes of UTF-8; shorten it by 3 bytes")
        #expect(s.history.current.isEmpty)
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        Self.type(&s, "Billing")
        _ = Reducer.reduce(&s, .key(.enter))
        guard case .groupForm(let exists) = s.overlay else { Issue.record("the form closed"); return }
        #expect(exists.error?.contains("merge instead") == true)
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        Self.type(&s, "贵宾")
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.history.current.groupOperations.map(\.operation) == [.rename(from: "VIP", to: "贵宾")])
        #expect(s.status?.text == "staged: rename group VIP -> 贵宾 (2 friends); 1 staged in all")
        // The edit form offers the new name (the old stays ticked on friends in it until the rename runs).
        _ = Reducer.reduce(&s, .key(.escape))
        _ = Reducer.reduce(&s, .key(.char("e")))
        guard case .edit(let edit) = s.overlay else { Issue.record("no edit form"); return }
        #expect(edit.groupNames.contains("贵宾"))
    }

    @Test func mergeChoosesAnotherGroupAndEscapeStagesNothing() {
        var s = Self.paneOnVIP()
        _ = Reducer.reduce(&s, .key(.char("m")))
        guard case .groupForm(let form) = s.overlay else { Issue.record("no form"); return }
        #expect(form.choices == ["Billing"] && form.operation == .merge(from: "VIP", into: "Billing"))
        #expect(Screen.render(s).snapshot.contains("2 friends move to \"Billing\"."))
        assertReduce(&s, .key(.escape)) { $0.overlay = .groupPane(index: 1); $0.status = .group(.notStaged) }
        _ = Reducer.reduce(&s, .key(.char("m")))
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.history.current.groupOperations.map(\.operation) == [.merge(from: "VIP", into: "Billing")])
    }

    @Test func readOnlyRemovesTheOperationsButKeepsSorting() {
        var s = ReducerTests.loaded()
        s.keyMap = KeyMap(overrides: [:], readOnly: true)
        s.info.readOnly = true
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .key(.char("j")))
        for key in ["d", "r", "m", "n"] {
            _ = Reducer.reduce(&s, .key(.char(Character(key))))
            #expect(s.status == .readOnly && s.overlay == .groupPane(index: 1), "\(key)")
        }
        let footer = Screen.render(s).snapshot.split(separator: "\n").last.map(String.init) ?? ""
        #expect(!footer.contains("delete") && !footer.contains("rename") && footer.contains("s sort"), "\(footer)")
        _ = Reducer.reduce(&s, .key(.char("s")))
        #expect(s.groupPaneByCount && s.paneRows.map(\.name) == ["Billing", "VIP"])
    }

    @Test func a30011RowsDetailOpensThePaneOnTheEmptiestGroups() {
        var s = ReducerTests.loaded()
        s.groups.append(GroupSummary(name: "Empty", count: 0))
        s.results["c3"] = .failed(code: 30011, info: "Err_SNS_FriendUpdate_Group_Num_Exceed_Threshold")
        s.cursor = s.visible.firstIndex { s.friends[$0].id == "c3" } ?? 0
        _ = Reducer.reduce(&s, .key(.char("v")))
        #expect(Screen.render(s).snapshot.contains("The account has 3 of 32 groups: press Tab to open the groups, emptiest"))
        _ = Reducer.reduce(&s, .key(.tab))
        #expect(s.overlay == .groupPane(index: 1) && s.groupPaneByCount && s.paneRows.first?.name == "Empty")
    }

    @Test func aSubmitRunsTheOperationsFirstAndSettlesThem() {
        var s = Self.paneOnVIP()
        _ = Reducer.reduce(&s, .key(.char("d")))
        _ = Reducer.reduce(&s, .key(.char("y")))
        _ = Reducer.reduce(&s, .key(.escape))
        _ = Reducer.reduce(&s, .key(.char("S")))
        #expect(s.overlay == .confirmSubmit(retry: nil))
        #expect(Screen.render(s).snapshot.contains("Run 1 staged group operation on a in app 1?"))
        let effects = Reducer.reduce(&s, .key(.char("y")))
        let entry = s.history.current.groupOperations[0]
        #expect(effects == [.submit([], groups: [entry])])
        var report = Submitter.Report(outcomes: [:], fresh: [:])
        report.groups = [GroupOperationReport(entry: entry, outcome: .ok,
                                              moves: [(GroupMove(friend: "c3", old: ["VIP"], new: []), .ok),
                                                      (GroupMove(friend: "c1", old: ["Billing", "VIP"], new: ["Billing"]), .ok)],
                                              created: false, deleted: true)]
        _ = Reducer.reduce(&s, .submitFinished(report, entries: [], account: "a"))
        #expect(s.history.current.isEmpty && s.groups.map(\.name) == ["Billing"])
        #expect(s.friends.first { $0.id == "c1" }?.groups == ["Billing"] && s.friends.first { $0.id == "c3" }?.groups == [])
        #expect(s.status?.text.hasPrefix("submitted: 1 ✓") == true, "\(s.status?.text ?? "")")

        // One that failed stays staged and shows why on the change-set screen.
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .key(.char("n")))
        Self.type(&s, "New")
        _ = Reducer.reduce(&s, .key(.enter))
        let create = s.history.current.groupOperations[0]
        var failed = Submitter.Report(outcomes: [:], fresh: [:])
        failed.groups = [GroupOperationReport(entry: create, outcome: .failed(code: 30011, info: "x"), moves: [], created: false, deleted: false)]
        _ = Reducer.reduce(&s, .submitFinished(failed, entries: [], account: "a"))
        _ = Reducer.reduce(&s, .key(.escape))
        _ = Reducer.reduce(&s, .key(.char("c")))
        let screen = Screen.render(s).snapshot
        #expect(screen.contains("(groups) new group  (none) -> New  ✗ 30011 friend-list group limit reached"), "\(screen)")
    }
}

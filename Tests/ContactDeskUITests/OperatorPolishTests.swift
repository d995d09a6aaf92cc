import ChatAPI
import ContactDeskUI
import ContactEditing
import Foundation
import Testing
import TestSupport

/// Keys in every encoding terminals send, whatever TERM claims.
@Suite struct KeyDecoderTests {
    static func keys(_ bytes: String, final: Bool = true) -> [Key] {
        KeyDecoder.decode(bytes.unicodeScalars.map { .scalar($0.value) }, final: final).keys
    }

    @Test(arguments: [
        ("\u{1b}[1~", Key.home), ("\u{1b}[7~", .home), ("\u{1b}[H", .home), ("\u{1b}OH", .home), ("\u{1b}[1;5H", .home),
        ("\u{1b}[4~", .end), ("\u{1b}[8~", .end), ("\u{1b}[F", .end), ("\u{1b}OF", .end),
        ("\u{1b}[2~", .insert), ("\u{1b}[3~", .delete), ("\u{1b}[5~", .pageUp), ("\u{1b}[6~", .pageDown),
        ("\u{1b}OP", .function(1)), ("\u{1b}OQ", .function(2)), ("\u{1b}OR", .function(3)), ("\u{1b}OS", .function(4)),
        ("\u{1b}[11~", .function(1)), ("\u{1b}[12~", .function(2)), ("\u{1b}[13~", .function(3)), ("\u{1b}[14~", .function(4)),
        ("\u{1b}[[A", .function(1)), ("\u{1b}[A", .up), ("\u{1b}OB", .down), ("\u{1b}[1;2C", .right), ("\u{1b}[Z", .backTab),
    ])
    func everyCommonEncodingDecodesToOneKey(bytes: String, key: Key) {
        #expect(Self.keys(bytes) == [key], "\(bytes.debugDescription)")
    }

    @Test func escAloneAltAndBurstsDecodeApart() {
        #expect(Self.keys("\u{1b}") == [.escape])
        #expect(Self.keys("\u{1b}b") == [.alt("b")])
        #expect(Self.keys("a\u{1b}[1~b\u{1b}[4~") == [.char("a"), .home, .char("b"), .end])
        #expect(Self.keys("\u{1b}\u{1b}") == [.escape, .escape])
        // An unknown sequence is dropped, never typed into a field.
        #expect(Self.keys("\u{1b}[99~x") == [.char("x")])
        // A key ncurses decoded itself after an Esc: Esc, then the key.
        #expect(KeyDecoder.decode([.scalar(27), .key(.up)], final: true).keys == [.escape, .up])
    }

    @Test func aSequenceCutByTheLinkWaitsForItsRest() {
        let first = KeyDecoder.decode([.scalar(97), .scalar(27), .scalar(91), .scalar(49)], final: false)
        #expect(first.keys == [.char("a")] && first.pending == [.scalar(27), .scalar(91), .scalar(49)])
        #expect(KeyDecoder.decode(first.pending + [.scalar(126)], final: true).keys == [.home])
        #expect(KeyDecoder.decode([.scalar(27)], final: false).pending == [.scalar(27)])
    }

    @Test func homeAndEndWorkInTheListAndInAField() {
        var s = ReducerTests.loaded()
        for k in Self.keys("\u{1b}[4~") { _ = Reducer.reduce(&s, .key(k)) }
        #expect(s.cursor == s.visible.count - 1 && s.sort == .userID && !s.descending)
        for k in Self.keys("\u{1b}[1~") { _ = Reducer.reduce(&s, .key(k)) }
        #expect(s.cursor == 0 && !s.descending)
        _ = Reducer.reduce(&s, .key(.char("e")))
        for k in Self.keys("\u{1b}[1~X\u{1b}[4~Y") { _ = Reducer.reduce(&s, .key(k)) }
        guard case .edit(let form) = s.overlay else { Issue.record("form closed"); return }
        #expect(form.remark.string == "X" + (s.selected?.remark ?? "") + "Y")
    }
}

/// The cursor, the layout, the messages and the words an operator reads all day.
@Suite struct OperatorPolishTests {
    @Test func aFieldShowsTheTerminalCursorOverItsCharacterNeverInstead() {
        var s = RenderTests.state(width: 80, height: 24)
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        for c in "黄芳 shop" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.ctrl("a")))
        let canvas = Screen.render(s)
        guard let c = canvas.cursor else { Issue.record("no cursor"); return }
        // The cursor stands on the first character of the remark, which is still drawn.
        #expect(canvas[c.x, c.y].text == "黄" && canvas.lines[c.y].contains("黄芳 shop"))
        #expect(!canvas.snapshot.contains("▏"))
        _ = Reducer.reduce(&s, .key(.ctrl("e")))
        let end = Screen.render(s)
        // At the end of a CJK text the cursor is after the whole wide character.
        #expect(end.cursor.map { end[$0.x - 1, $0.y].text } == "p")
        _ = Reducer.reduce(&s, .key(.left)); _ = Reducer.reduce(&s, .key(.left)); _ = Reducer.reduce(&s, .key(.left))
        _ = Reducer.reduce(&s, .key(.left)); _ = Reducer.reduce(&s, .key(.left))
        let wide = Screen.render(s)
        // Just after a wide character: the cursor is on the space after 芳, and 芳 is whole before it.
        #expect(wide.cursor.map { wide[$0.x - 2, $0.y].text } == "芳" && wide.cursor.map { wide[$0.x, $0.y].text } == " ")
        _ = Reducer.reduce(&s, .key(.escape))
        #expect(Screen.render(s).cursor == nil)
    }

    static func submittedState(width: Int, height: Int) -> AppState {
        var s = RenderTests.state(width: width, height: height)
        s.results = ["c0001": .ok, "c0002": .failed(code: 30011, info: "Err_SNS_FriendUpdate_Group_Num_Limit"), "c0003": .conflict(fields: [.remark])]
        return s
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func customFieldsStayAfterASubmitAndWideScreensUseTheSpace(width: Int, height: Int) {
        let s = Self.submittedState(width: width, height: height)
        let lines = Screen.render(s).lines
        let heading = lines[1]
        #expect(heading.contains("Ticket") && heading.contains("Tier") && heading.contains("UserID↑"), "\(heading)")
        #expect(lines[2].contains("✓") && lines[3].contains("✗") && lines[4].contains("!"))
        if width >= 120 {
            #expect(heading.contains("Result") && lines.contains { $0.contains("✗ 30011 ") })
        }
        if width >= 200 {
            // The long remark and the result are whole at 200 columns.
            #expect(lines.contains { $0.contains("and a very long remark that will be cut") })
            #expect(lines.contains { $0.contains("✗ 30011 friend-list group limit reached (32)") })
        }
    }

    @Test func everySortableColumnShowsItsArrow() {
        var s = RenderTests.state(width: 80, height: 24)
        for (column, title) in [(SortColumn.userID, "UserID"), (.nickname, "Nickname"), (.remark, "Remark"), (.groups, "Groups")] {
            s.sort = column
            s.refreshVisible()
            #expect(Screen.render(s).lines[1].contains(title + "↑"), "\(title)")
        }
    }

    @Test func chineseNamesSortByPinyinAmongLatinOnes() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t"), account: "a")
        let names = ["张伟", "王芳", "Zebra", "刘洋", "陈静", "apple", "杨光", "白雪", "安娜", "Bob"]
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: names.enumerated().map { Friend(id: "u\($0.offset)", nickname: $0.element) })))
        _ = Reducer.reduce(&s, .key(.char("s")))
        #expect(s.visible.map { s.friends[$0].nickname } == ["安娜", "apple", "白雪", "Bob", "陈静", "刘洋", "王芳", "杨光", "Zebra", "张伟"])
    }

    @Test func aConflictsDetailShowsTheServersValueBesideBothOthers() {
        var s = RenderTests.state(width: 80, height: 24)
        guard let selected = s.selected else { Issue.record("no row"); return }
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        for c in "mine" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        let entries = s.history.current.sorted
        var theirs = selected
        theirs.remark = "theirs from the server"
        let report = Submitter.Report(outcomes: [selected.id: .conflict(fields: [.remark])], fresh: [selected.id: theirs])
        _ = Reducer.reduce(&s, .submitFinished(report, entries: entries, account: s.account))
        _ = Reducer.reduce(&s, .key(.char("v")))
        #expect(s.overlay == .detail(scroll: 0))
        let text = Screen.render(s).snapshot
        #expect(text.contains("when you staged it: \"\(DisplayWidth.truncate(selected.remark, to: 30, ellipsis: false))"), "\(text)")
        #expect(text.contains("on the server now:  \"theirs from the server\""))
        #expect(text.contains("yours:              \"mine\""))
        #expect(text.contains("K keeps yours"))
    }

    @Test func aFailedRowsDetailNamesCodeMeaningTheServicesTextAndTheHint() {
        var s = Self.submittedState(width: 80, height: 24)
        s.cursor = s.visible.firstIndex { s.friends[$0].id == "c0002" }!
        _ = Reducer.reduce(&s, .key(.char("v")))
        let text = Screen.render(s).snapshot
        for part in ["✗ 30011 friend-list group limit reached (32)", "The account already has 32 friend groups",
                     "The service said: Err_SNS_FriendUpdate_Group_Num_Limit", "delete an unused group first"] {
            #expect(text.contains(part), "\(part)")
        }
    }

    /// Every status message, with long data, at three sizes: what the status area shows is the whole message, or it
    /// ends in "…" and the detail view (one key) shows it whole. Either way no word is lost.
    @Test(arguments: [(50, 10), (80, 24), (120, 40)])
    func noStatusMessageLosesAWord(width: Int, height: Int) {
        let long = "a_customer_account_with_a_long_id"
        let failure = Failure.other("connection to adminapisgp.im.qcloud.com:443 failed after 3 attempts: timed out (friend_get)")
        let counts = SubmitCounts(Submitter.Report(outcomes: ["a": .ok, "b": .failed(code: 30011, info: "")], fresh: [:]))
        let messages: [StatusMessage] = [
            .loaded(friends: 1), .cached(friends: 10_000, savedAt: Date(timeIntervalSince1970: 0)),
            .loadFailed(failure, savedAt: Date(timeIntervalSince1970: 0)), .loadFailed(failure, savedAt: nil), .saveFailed(.other("disk full: /home/operator/.local/state/contactdesk/journal.sqlite")),
            .exported(path: "/home/operator/.local/state/contactdesk/exports/changeset-\(long)-2026-12-06T10-00-00Z.json"),
            .exportFailed(.file(path: "/home/operator/exports/x.json", reason: "Permission denied")), .submitting, .retrying(rows: 1),
            .submitted(counts, stillStaged: 1, auditFailure: "audit.sqlite: database or disk is full; the applied rows are listed in the log"),
            .submittedElsewhere(account: long, counts, auditFailure: nil), .submitFailed(failure, account: long),
            .reconciled(applied: (1...12).map { "friend_number_\($0)" }, stillStaged: 3), .notSubmitted, .resumed(1), .discarded(2),
            .sorted(.nickname, descending: true), .markFirst, .undone(staged: 1), .nothingToSubmit, .noFailedRows, .noConflict,
            .keptMine(friend: long), .tookTheirs(friend: long), .noChange(friend: long), .staged(friend: long, total: 1),
            .bulkStaged(operation: .replaceRemark, changed: 1, of: 1, total: 1), .readOnly,
        ]
        for message in messages {
            var s = RenderTests.state(width: width, height: height)
            s.status = message
            let canvas = Screen.render(s)
            let whole = message.text(s.keyMap)
            let shown = canvas.lines[1..<(height - 1)].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            if dense(shown).contains(dense(whole)) { continue }
            #expect(shown.contains("…"), "\(message) is cut without a mark at \(width)x\(height)")
            _ = Reducer.reduce(&s, .key(.char("v")))
            let detail = Self.detailText(&s)
            #expect(dense(detail).contains(dense(whole)), "\(message) is lost at \(width)x\(height): \(detail)")
        }
    }

    /// The detail box's whole text, scrolled through with the move key: the first row at each position, then the
    /// rest of the last window.
    static func detailText(_ s: inout AppState) -> String {
        func inner(_ c: Canvas) -> [String] {
            guard let top = (0..<c.height).first(where: { c.lines[$0].contains("Details") }),
                  let left = (0..<c.width).first(where: { c[$0, top].text == "┌" }),
                  let right = (0..<c.width).last(where: { c[$0, top].text == "┐" }) else { return [] }
            var rows: [String] = []
            for y in (top + 1)..<c.height {
                if c[left, y].text == "└" { break }
                rows.append(((left + 2)..<(right - 1)).map { c[$0, y].text }.joined().trimmingCharacters(in: .whitespaces))
            }
            return rows
        }
        var collected: [String] = [], previous: [String]? = nil
        for _ in 0..<200 {
            let rows = inner(Screen.render(s))
            if rows == previous { collected += rows.dropFirst(); break }
            if let first = rows.first { collected.append(first) }
            previous = rows
            _ = Reducer.reduce(&s, .key(.char("j")))
        }
        return collected.joined(separator: " ")
    }

    /// Spaces folded, so a wrapped text compares with the one-line original.
    func flat(_ s: String) -> String { s.split(whereSeparator: { $0 == " " }).joined(separator: " ") }

    /// Without spaces at all: a long path broken at a line end still compares with the original.
    func dense(_ s: String) -> String { s.filter { $0 != " " } }

    @Test(arguments: [(50, 10), (80, 24), (120, 40)])
    func dialogsKeepTheirKeysAndWords(width: Int, height: Int) {
        var s = RenderTests.state(width: width, height: height)
        _ = Reducer.reduce(&s, .key(.char("e")))
        for c in String(repeating: "备", count: 40) { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        let form = flat(Screen.render(s).lines.map { $0.replacingOccurrences(of: "│", with: " ") }.joined(separator: " "))
        #expect(form.contains("bytes of UTF-8") && form.contains("shorten it by"), "\(width)x\(height): \(form)")
        _ = Reducer.reduce(&s, .key(.escape))
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.char("!")))
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .key(.char("S")))
        let submit = flat(Screen.render(s).lines.map { $0.replacingOccurrences(of: "│", with: " ") }.joined(separator: " "))
        #expect(submit.contains("Send 1 staged change for 1 friend of demo_alice in app 1400000000 to the server?") || height < 12, "\(submit)")
        #expect(submit.contains("y submit · any other key: no"), "\(width)x\(height): \(submit)")
        _ = Reducer.reduce(&s, .key(.char("n")))
        _ = Reducer.reduce(&s, .key(.char("q")))
        let quit = flat(Screen.render(s).lines.map { $0.replacingOccurrences(of: "│", with: " ") }.joined(separator: " "))
        #expect(quit.contains("y quit · any other key: stay"), "\(quit)")
    }

    @Test func bulkPreviewEqualsWhatIsStagedAndANoOpStagesNothing() {
        var s = ReducerTests.loaded()
        _ = Reducer.reduce(&s, .key(.char("a")))
        _ = Reducer.reduce(&s, .key(.char("b")))
        _ = Reducer.reduce(&s, .key(.right))   // to the operation line? focus starts on the value
        for c in "Nobody" { _ = Reducer.reduce(&s, .key(.char(c))) }
        guard case .bulk(var form) = s.overlay else { Issue.record("no form"); return }
        form.operation = .removeGroup
        s.overlay = .bulk(form)
        #expect(Screen.render(s).snapshot.contains("0 of 3 marked friends would change"))
        let before = s.history
        let effects = Reducer.reduce(&s, .key(.enter))
        #expect(effects.isEmpty && s.history == before && !s.history.canUndo)
        guard case .bulk(let refused) = s.overlay else { Issue.record("form closed"); return }
        #expect(refused.error == "nothing to stage: no marked friend is in \"Nobody\"")
        // Adding a group: the preview's count is the staged count.
        var add = BulkForm()
        for c in "VIP" { _ = add.handle(.char(c)) }
        s.overlay = .bulk(add)
        let preview = Screen.render(s).snapshot
        _ = Reducer.reduce(&s, .key(.enter))
        let staged = s.history.current.count
        #expect(preview.contains("\(staged) of 3 marked friends would change") && staged == 1)
    }

    @Test func markedFriendsHiddenByTheFilterAreCounted() {
        var s = ReducerTests.loaded()
        _ = Reducer.reduce(&s, .key(.char("a")))
        s.filter = "c1"
        s.refreshVisible()
        _ = Reducer.reduce(&s, .key(.char("b")))
        for c in "Team" { _ = Reducer.reduce(&s, .key(.char(c))) }
        #expect(Screen.render(s).snapshot.contains("3 of 3 marked friends would change (2 of them hidden by the filter)"))
    }

    @Test func theChangeSetScreenPagesJumpsAndSearches() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t"), account: "a", width: 120, height: 40)
        let friends = (0..<3000).map { Friend(id: String(format: "f%04d", $0), nickname: "nick\($0)", remark: "r\($0)") }
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: friends)))
        var set = ChangeSet()
        for f in friends { set.stage(s.key(f.id, .custom("Ticket")), base: .text(""), intent: .set("T-\(f.id)")) }
        s.history.reset(set)
        _ = Reducer.reduce(&s, .key(.char("c")))
        _ = Reducer.reduce(&s, .key(.char("G")))
        #expect(s.overlay == .changes(cursor: 2999))
        _ = Reducer.reduce(&s, .key(.char("g")))
        _ = Reducer.reduce(&s, .key(.pageDown))
        guard case .changes(let paged) = s.overlay else { Issue.record("left"); return }
        #expect(paged > 20)
        for k in [Key.char("/")] + "nick1234".map(Key.char) + [.enter] { _ = Reducer.reduce(&s, .key(k)) }
        #expect(s.overlay == .changes(cursor: 1234))
        let screen = Screen.render(s).snapshot
        #expect(screen.contains("custom:Ticket") && screen.contains("nick1234") && screen.contains("1235/3000"))
    }

    @Test func theChecklistIsReachedWithOneTabFiltersAsTypedAndShowsWhereItIs() {
        var s = RenderTests.state(width: 80, height: 24)
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "demo_alice", friends: s.friends,
                                                    groups: (1...33).map { GroupSummary(name: "group\($0)", count: 0) })))
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.tab))
        guard case .edit(let opened) = s.overlay else { Issue.record("closed"); return }
        #expect(opened.groupNames.count > 33 && Screen.render(s).snapshot.contains("1–8 of \(opened.groupNames.count)"))
        for c in "33" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.char(" ")))
        guard case .edit(let form) = s.overlay else { Issue.record("closed"); return }
        #expect(form.shownGroups == ["group33"] && form.checked.contains("group33"))
        _ = Reducer.reduce(&s, .key(.tab))
        guard case .edit(let next) = s.overlay else { Issue.record("closed"); return }
        #expect(next.focus == next.newGroupIndex)
    }

    @Test func aNewGroupDifferingOnlyByCaseAsksFirst() {
        var s = ReducerTests.loaded()
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .key(.tab))
        for c in "billing" { _ = Reducer.reduce(&s, .key(.char(c))) }
        #expect(Reducer.reduce(&s, .key(.enter)).isEmpty)
        guard case .edit(let form) = s.overlay else { Issue.record("closed"); return }
        #expect(form.error?.contains("only by case") == true)
        #expect(!Reducer.reduce(&s, .key(.enter)).isEmpty && s.overlay == .none)
        #expect(s.history.current.sorted.first { $0.key.field == .groups }?.result.groups?.contains("billing") == true)
    }

    @Test func aFormAsksForTheLatestGroupsAndUsesThemForTheLimit() {
        var s = ReducerTests.loaded()
        #expect(Reducer.reduce(&s, .key(.char("e"))) == [.readGroups(account: "a")])
        let names = ["VIP", "Billing"] + (1...30).map { "x\($0)" }
        _ = Reducer.reduce(&s, .groupsRead(names: names, account: "a"))
        guard case .edit(let form) = s.overlay else { Issue.record("closed"); return }
        #expect(s.groups.count == 32 && form.groupNames.contains("x30") && s.groups.first { $0.name == "VIP" }?.count == 2)
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .key(.tab))
        for c in "新组" { _ = Reducer.reduce(&s, .key(.char(c))) }
        #expect(Reducer.reduce(&s, .key(.enter)).isEmpty)
        guard case .edit(let refused) = s.overlay else { Issue.record("closed"); return }
        #expect(refused.error?.contains("33 groups") == true, "\(refused.error ?? "")")
        // A read for an account left behind changes nothing on screen.
        _ = Reducer.reduce(&s, .groupsRead(names: ["other"], account: "b"))
        #expect(s.groups.count == 32)
    }

    @Test func readOnlyFollowsTheOperatorsOwnBindings() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t", readOnly: true), account: "a",
                         keyMap: KeyMap(overrides: ["edit": ["E"]], readOnly: true))
        _ = Reducer.reduce(&s, .key(.char("E")))
        #expect(s.status == .readOnly)
        s.status = nil
        _ = Reducer.reduce(&s, .key(.char("x")))
        #expect(s.status == nil)
    }

    @Test func groupsASubmitCreatedAreInThePaneAtOnce() {
        var s = ReducerTests.loaded()
        let report = Submitter.Report(outcomes: ["c1": .ok], fresh: ["c1": Friend(id: "c1", groups: ["VIP", "New one"])])
        _ = Reducer.reduce(&s, .submitFinished(report, entries: [], account: s.account))
        #expect(s.groups.map(\.name).contains("New one") && s.groups.first { $0.name == "New one" }?.count == 1)
    }

    @Test func readOnlySaysWhyEditingKeysDoNothing() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t", readOnly: true), account: "a", keyMap: KeyMap(overrides: [:], readOnly: true))
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: [Friend(id: "x")])))
        for key in [Key.char("e"), .char("b"), .char("S")] {
            s.status = nil
            _ = Reducer.reduce(&s, .key(key))
            #expect(s.status == .readOnly && s.overlay == .none)
        }
        let screen = Screen.render(s)
        #expect(screen.lines[0].hasPrefix(" READ-ONLY │ ContactDesk │ a │ 1 friend"))
        #expect(screen.lines[s.height - 1].contains("read-only"))
    }

    @Test func countsReadRightForOne() {
        let one = SubmitCounts(Submitter.Report(outcomes: ["a": .conflict(fields: [.remark])], fresh: [:]))
        let texts = [StatusMessage.loaded(friends: 1).text, StatusMessage.retrying(rows: 1).text,
                     StatusMessage.submitted(one, stillStaged: 1, auditFailure: nil).text,
                     StatusMessage.bulkStaged(operation: .addGroup, changed: 1, of: 1, total: 1).text]
        for t in texts { for bad in ["1 friends", "1 rows", "1 conflicts", "1 marked friends", "1 bytes"] { #expect(!t.contains(bad), "\(t)") } }
        #expect(throws: ValidationError.self) { try Validator(configuredFields: []).remark(String(repeating: "a", count: 97)) }
        do { try Validator(configuredFields: []).remark(String(repeating: "a", count: 97)) } catch { #expect(error.description.hasSuffix("shorten it by 1 byte")) }
    }

    @Test func serverTextIsCleanedForDisplay() {
        #expect(ServerText.clean("<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>") == "502 Bad Gateway")
        #expect(ServerText.detail("internal server error", besides: "internal server error") == nil)
        #expect(ServerText.clean("evil\u{1b}]0;PWNED\u{07}\u{202e}x") == "evil\\x1b]0;PWNED\\x07\\u202ex")
        #expect(ErrorCatalog.inline(99999, info: "<html><title>Oops</title></html>") == "99999 Oops")
    }
}

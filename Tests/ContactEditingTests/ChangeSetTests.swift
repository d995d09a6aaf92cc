import ContactEditing
import Testing

/// The change-set algebra, including property-style checks over many generated edit sequences.
@Suite struct ChangeSetTests {
    static func key(_ friend: String, _ field: FieldKey) -> EntryKey { EntryKey(app: 1, account: "a", friend: friend, field: field) }

    @Test func stagingBackToTheBaseRemovesTheEntry() {
        var set = ChangeSet()
        set.stage(Self.key("f", .remark), base: .text("old"), intent: .set("new"))
        #expect(set.count == 1 && set.staged(Self.key("f", .remark)) == .text("new"))
        set.stage(Self.key("f", .remark), base: .text("new"), intent: .set("old"))  // base stays "old"
        #expect(set.isEmpty)
    }

    @Test func stagingTwiceKeepsTheFirstBaseAndTheLastText() {
        var set = ChangeSet()
        set.stage(Self.key("f", .remark), base: .text("seen"), intent: .set("a"))
        set.stage(Self.key("f", .remark), base: .text("a"), intent: .set("b"))
        #expect(set[Self.key("f", .remark)] == ChangeEntry(key: Self.key("f", .remark), base: .text("seen"), intent: .set("b")))
    }

    @Test func groupIntentsCompose() {
        var set = ChangeSet()
        let k = Self.key("f", .groups)
        set.stage(k, base: .groups(["A", "B"]), intent: .groups(add: ["C"], remove: []))
        #expect(set.staged(k) == .groups(["A", "B", "C"]))
        set.stage(k, base: .groups(["A", "B"]), intent: .groups(add: [], remove: ["A"]))
        #expect(set.staged(k) == .groups(["B", "C"]))
        set.stage(k, base: .groups(["A", "B"]), intent: .groups(add: [], remove: ["C"]))
        #expect(set.staged(k) == .groups(["B"]))
        set.stage(k, base: .groups(["A", "B"]), intent: .groups(add: ["A"], remove: []))
        #expect(set.isEmpty)
        set.stage(k, base: .groups(["A"]), intent: .groups(add: ["A"], remove: []))
        #expect(set.isEmpty)
    }

    @Test func groupsAreMergedIntoTheFreshServerList() {
        let intent = Intent.groups(add: ["New"], remove: ["Old"])
        #expect(intent.apply(to: .groups(["Old", "Keep", "AddedByUser"])) == .groups(["Keep", "AddedByUser", "New"]))
    }

    @Test func undoAndRedoWalkTheHistory() {
        var h = ChangeHistory()
        h.apply { $0.stage(Self.key("f", .remark), base: .text(""), intent: .set("1")) }
        h.apply { $0.stage(Self.key("g", .remark), base: .text(""), intent: .set("2")) }
        h.apply { $0.stage(Self.key("g", .remark), base: .text(""), intent: .set("2")) }
        #expect(h.current.count == 2)
        h.undo()
        #expect(h.current.count == 1 && h.canRedo)
        h.undo()
        #expect(h.current.isEmpty && !h.canUndo)
        h.redo(); h.redo()
        #expect(h.current.count == 2 && !h.canRedo)
        h.undo()
        h.apply { $0.drop(Self.key("f", .remark)) }
        #expect(!h.canRedo && h.current.isEmpty)
    }

    struct Gen {
        var s: UInt64
        mutating func next(_ n: Int) -> Int {
            s = s &* 6364136223846793005 &+ 1442695040888963407
            return Int((s >> 33) % UInt64(n))
        }
    }

    static func randomEdit(_ g: inout Gen) -> (inout ChangeSet) -> Void {
        let friend = ["f1", "f2", "f3"][g.next(3)]
        let groups = ["A", "B", "C", "D"]
        switch g.next(4) {
        case 0:
            let text = ["", "x", "备注", "🐼"][g.next(4)]
            return { $0.stage(key(friend, .remark), base: .text(""), intent: .set(text)) }
        case 1:
            let add = [groups[g.next(4)]], remove = [groups[g.next(4)]]
            return { $0.stage(key(friend, .groups), base: .groups(["A"]), intent: .groups(add: add, remove: remove)) }
        case 2:
            let v = ["gold", ""][g.next(2)]
            return { $0.stage(key(friend, .custom("Tier")), base: .text(""), intent: .set(v)) }
        default:
            let field: FieldKey = [.remark, .groups, .custom("Tier")][g.next(3)]
            return { $0.drop(key(friend, field)) }
        }
    }

    @Test(arguments: 0..<40)
    func undoOfEveryEditRestoresThePreviousSetExactly(seed: Int) {
        var g = Gen(s: UInt64(seed) &+ 1)
        var h = ChangeHistory()
        var snapshots = [h.current]
        for _ in 0..<30 {
            let before = h.current
            h.apply(Self.randomEdit(&g))
            if h.current != before { snapshots.append(h.current) }
            #expect(h.current.entries.values.allSatisfy { $0.result != $0.base })
        }
        for expected in snapshots.reversed().dropFirst() {
            h.undo()
            #expect(h.current == expected)
        }
        #expect(!h.canUndo)
        for expected in snapshots.dropFirst() {
            h.redo()
            #expect(h.current == expected)
        }
    }

    @Test(arguments: 0..<20)
    func stagingTheSameIntentTwiceIsIdempotent(seed: Int) {
        var g = Gen(s: UInt64(seed) &+ 99)
        var set = ChangeSet()
        for _ in 0..<10 { Self.randomEdit(&g)(&set) }
        var once = set, twice = set
        let edit = Self.randomEdit(&g)
        edit(&once)
        edit(&twice); edit(&twice)
        #expect(once == twice)
    }
}

@Suite struct ValidationTests {
    let v = Validator(configuredFields: ["Tier", "Ticket"])

    @Test func remarkLimitIsInBytes() throws {
        try v.remark(String(repeating: "备", count: 32))
        do { try v.remark(String(repeating: "备", count: 32) + "x"); Issue.record("accepted") } catch {
            #expect(error.field == "Remark" && error.message.hasPrefix("97 bytes, the limit is 96 bytes") && error.message.hasSuffix("by 1 byte"))
        }
    }

    @Test func groupNames() throws {
        try v.groupName(String(repeating: "组", count: 10))
        #expect(throws: ValidationError.self) { try v.groupName("") }
        #expect(throws: ValidationError.self) { try v.groupName("   ") }
        do { try v.groupName(String(repeating: "a", count: 31)); Issue.record("accepted") } catch {
            #expect(error.message.hasPrefix("31 bytes, the limit is 30 bytes"))
        }
    }

    @Test func customFieldsMustBeConfiguredAndShort() throws {
        try v.custom("Tier", String(repeating: "v", count: 500))
        do { try v.custom("Nope", "x"); Issue.record("accepted") } catch { #expect(error.message.contains("not configured")) }
        do { try v.custom("Tier", String(repeating: "v", count: 501)); Issue.record("accepted") } catch {
            #expect(error.message.hasPrefix("501 bytes, the limit is 500"))
        }
    }

    @Test func groupCountIncludesGroupsTheChangeSetCreates() throws {
        let existing = (1...31).map { "g\($0)" }
        var set = ChangeSet()
        set.stage(EntryKey(app: 1, account: "a", friend: "f", field: .groups), base: .groups([]), intent: .groups(add: ["new1"], remove: []))
        try v.groupCount(existing: existing, changes: set, account: "a")
        set.stage(EntryKey(app: 1, account: "a", friend: "g", field: .groups), base: .groups([]), intent: .groups(add: ["new2"], remove: []))
        do { try v.groupCount(existing: existing, changes: set, account: "a"); Issue.record("accepted") } catch {
            #expect(error.message.contains("33 groups") && error.message.contains("new1, new2") && error.message.contains("limit is 32"))
        }
    }
}

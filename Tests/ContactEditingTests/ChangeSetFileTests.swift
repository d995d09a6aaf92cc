import ContactEditing
import Foundation
import Testing

@Suite struct ChangeSetFileTests {
    static func sample() -> ChangeSet {
        var s = ChangeSet()
        s.stage(EntryKey(app: 7, account: "acc", friend: "f1", field: .remark), base: .text("旧"), intent: .set("新 🐼"))
        s.stage(EntryKey(app: 7, account: "acc", friend: "f2", field: .groups), base: .groups(["A"]), intent: .groups(add: ["B"], remove: ["A"]))
        s.stage(EntryKey(app: 7, account: "acc", friend: "f2", field: .custom("Tier")), base: .text(""), intent: .set("gold"))
        s.stage(EntryKey(app: 7, account: "other", friend: "x", field: .remark), base: .text(""), intent: .set("not exported"))
        return s
    }

    static func expected() -> ChangeSet {
        var e = sample()
        e.drop(EntryKey(app: 7, account: "other", friend: "x", field: .remark))
        return e
    }

    @Test func exportThenImportGivesTheSameEntries() throws {
        let file = ChangeSetFile(set: Self.sample(), app: 7, account: "acc", now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(file.entries.count == 3 && file.version == 2 && file.exportedAt == "2027-01-15T08:00:00Z")
        let back = try ChangeSetFile.read(try file.encoded(), expectingApp: 7)
        #expect(back.changeSet == Self.expected() && back.account == "acc")
    }

    /// Version 2 reads as a lead would write it: no enum wrappers.
    @Test func versionTwoIsPlainFromAndTo() throws {
        let text = String(decoding: try ChangeSetFile(set: Self.sample(), app: 7, account: "acc").encoded(), as: UTF8.self)
        #expect(text.contains("\"version\" : 2") && !text.contains("_0"))
        #expect(text.contains("\"from\" : \"旧\"") && text.contains("\"to\" : \"新 🐼\""))
        #expect(text.contains("\"add\" : [\n        \"B\"\n      ]") && text.contains("\"field\" : \"custom:Tier\""))
        let handWritten = """
            {"version": 2, "app": 7, "account": "acc", "entries": [
              {"friend": "f1", "field": "remark", "from": "旧", "to": "新 🐼"},
              {"friend": "f2", "field": "groups", "from": ["A"], "add": ["B"], "remove": ["A"]},
              {"friend": "f2", "field": "custom:Tier", "from": "", "to": "gold"}]}
            """
        #expect(try ChangeSetFile.read(Data(handWritten.utf8), expectingApp: 7).changeSet == Self.expected())
    }

    /// A file exported by an earlier ContactDesk (version 1, Swift's enum encoding) still reads.
    @Test func versionOneStillReads() throws {
        let v1 = """
            {"account": "acc", "app": 7, "exportedAt": "2026-11-27T05:00:00Z", "version": 1, "entries": [
              {"base": {"text": {"_0": "旧"}}, "field": "remark", "friend": "f1", "intent": {"set": {"_0": "新 🐼"}}},
              {"base": {"groups": {"_0": ["A"]}}, "field": "groups", "friend": "f2", "intent": {"groups": {"add": ["B"], "remove": ["A"]}}},
              {"base": {"text": {"_0": ""}}, "field": "custom:Tier", "friend": "f2", "intent": {"set": {"_0": "gold"}}}]}
            """
        #expect(try ChangeSetFile.read(Data(v1.utf8), expectingApp: 7).changeSet == Self.expected())
    }

    /// What a malformed file used to do silently (clear a remark, drop every group, drop entries) is refused,
    /// naming the entry and the problem in plain words.
    @Test(arguments: [
        (#"{"friend":"f1","field":"remark","from":"a","add":["X"]}"#, "entry 1 (f1 remark): \"add\" does not fit remark"),
        (#"{"friend":"f1","field":"groups","to":""}"#, "entry 1 (f1 groups): \"to\" does not fit groups"),
        (#"{"friend":"f1","field":"Remark","from":"a","to":"b"}"#, "unknown field \"Remark\""),
        (#"{"friend":"f1","field":"nickname","from":"a","to":"b"}"#, "nickname cannot be changed"),
        (#"{"friend":"f1","field":"custom:","from":"a","to":"b"}"#, "the custom field has no name"),
        (#"{"friend":"f1","field":"remark","to":"b"}"#, "\"from\" must be the text you saw"),
        (#"{"friend":"f1","field":"remark","from":"a","to":"b","note":"x"}"#, "unknown key \"note\""),
        (#"{"friend":"","field":"remark","from":"a","to":"b"}"#, "\"friend\" must be the friend's UserID"),
        (#"{"friend":"f1","field":"remark","from":"a","to":"b"},{"friend":"f1","field":"remark","from":"a","to":"c"}"#,
         "entry 2 (f1 remark): repeats entry 1 (f1 remark)"),
        (#"{"friend":"f1","field":"remark","base":{"text":{"_0":"a"}},"intent":{"groups":{"add":[],"remove":[]}}}"#, "unknown key \"base\""),
    ])
    func malformedEntriesRefuseTheFile(_ entries: String, _ message: String) {
        let data = Data(#"{"version":2,"app":7,"account":"acc","entries":["#.utf8 + Data(entries.utf8) + Data("]}".utf8))
        do { _ = try ChangeSetFile.read(data, expectingApp: 7); Issue.record("accepted: \(entries)") } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(!error.description.contains("DecodingError") && !error.description.contains("Debug"))
        }
    }

    @Test(arguments: [
        (#"{"base":{"text":{"_0":"a"}},"field":"remark","friend":"f1","intent":{"groups":{"add":["X"],"remove":[]}}}"#, "\"intent\" does not fit remark"),
        (#"{"base":{"text":{"_0":"a"}},"field":"groups","friend":"f1","intent":{"set":{"_0":""}}}"#, "\"base\" does not fit groups"),
        (#"{"base":{"groups":{"_0":[]}},"field":"groups","friend":"f1","intent":{"set":{"_0":""}}}"#, "\"intent\" does not fit groups"),
    ])
    func versionOneIntentsMustFitTheirField(_ entry: String, _ message: String) {
        let data = Data(#"{"version":1,"app":7,"account":"acc","exportedAt":"","entries":["#.utf8 + Data(entry.utf8) + Data("]}".utf8))
        do { _ = try ChangeSetFile.read(data, expectingApp: 7); Issue.record("accepted: \(entry)") } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    /// Two equal keys would be read one way by a person and another by the decoder: refused, naming where.
    @Test func aKeyTwiceInOneObjectIsRefused() {
        let twice = #"{"version":2,"app":7,"account":"acc","entries":[{"friend":"f1","field":"remark","from":"a","to":"VIP"},"#
            + #"{"friend":"f2","field":"remark","from":"a","to":"VIP","\u0074o":""}]}"#
        do { _ = try ChangeSetFile.read(Data(twice.utf8), expectingApp: 7); Issue.record("accepted") } catch {
            #expect(error.description == "entries[1] has the key \"to\" twice; a reader and ContactDesk could see different values: keep one", "\(error)")
        }
        // Equal keys in different objects, and "to" as a value, are fine.
        let fine = #"{"version":2,"app":7,"account":"acc","entries":[{"friend":"to","field":"remark","from":"to","to":"x"},{"friend":"f2","field":"remark","from":"a","to":"b"}]}"#
        #expect((try? ChangeSetFile.read(Data(fine.utf8), expectingApp: 7))?.entries.count == 2)
    }

    @Test func aFileForAnotherAppIsRefused() throws {
        let data = try ChangeSetFile(set: Self.sample(), app: 7, account: "acc").encoded()
        do { _ = try ChangeSetFile.read(data, expectingApp: 8); Issue.record("accepted") } catch {
            #expect(error.description.contains("made for SDKAppID 7, not 8"))
        }
    }

    @Test func aNewerVersionIsRefusedWithTheFix() {
        let data = Data("{\"version\": 3, \"app\": 7, \"account\": \"a\", \"exportedAt\": \"\", \"entries\": []}".utf8)
        do { _ = try ChangeSetFile.read(data, expectingApp: 7); Issue.record("accepted") } catch {
            #expect(error.description.contains("version 3 is newer than this ContactDesk reads (2); update ContactDesk"))
        }
        do { _ = try ChangeSetFile.read(Data("{}".utf8), expectingApp: 7); Issue.record("accepted") } catch {
            #expect(error.description.contains("not a ContactDesk change-set file"))
        }
    }
}

/// The one validation path for whole files: limits, configured fields, friendship and the group limit.
@Suite struct StagerTests {
    static func entry(_ friend: String, _ field: FieldKey, _ base: FieldValue, _ intent: Intent) -> ChangeEntry {
        ChangeEntry(key: EntryKey(app: 7, account: "acc", friend: friend, field: field), base: base, intent: intent)
    }

    @Test func everyProblemNamesTheFriendTheFieldAndTheLimit() {
        let entries = [
            Self.entry("f1", .remark, .text(""), .set(String(repeating: "字", count: 33))),      // 99 bytes
            Self.entry("f2", .custom("Ticket"), .text(""), .set("T-1")),                       // not configured
            Self.entry("f3", .groups, .groups([]), .groups(add: [String(repeating: "x", count: 31)], remove: [])),
            Self.entry("f4", .remark, .text(""), .set("fine")),
            Self.entry("stranger", .remark, .text(""), .set("fine")),
        ]
        let problems = Stager(configuredFields: ["Tier"], friends: ["f1", "f2", "f3", "f4"]).problems(entries).map(\.description)
        #expect(problems.count == 4, "\(problems)")
        #expect(problems[0].hasPrefix("f1 remark: 99 bytes, the limit is 96 bytes"))
        #expect(problems[1].hasPrefix("f2 custom:Ticket: not configured for this app"))
        #expect(problems[2].hasPrefix("f3 groups: 31 bytes, the limit is 30 bytes"))
        #expect(problems[3] == "stranger remark: not a friend of acc; remove the entry or check the UserID")
        #expect(Stager(configuredFields: ["Tier"], friends: ["f1", "f2", "f3", "f4"]).valid(entries).map(\.key.friend) == ["f4"])
    }

    @Test func aThirtyThirdGroupIsRefusedForTheWholeFile() {
        let existing = (1...31).map { "g\($0)" }
        let entries = [Self.entry("f1", .groups, .groups([]), .groups(add: ["new1"], remove: [])),
                       Self.entry("f2", .groups, .groups([]), .groups(add: ["new2"], remove: []))]
        let problems = Stager(configuredFields: [], existingGroups: existing).problems(entries)
        #expect(problems.count == 1 && problems[0].message.contains("would have 33 groups"))
        #expect(Stager(configuredFields: [], existingGroups: existing).problems(Array(entries.prefix(1))).isEmpty)
    }
}

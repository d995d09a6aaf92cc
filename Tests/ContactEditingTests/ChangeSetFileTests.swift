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

    @Test func exportThenImportGivesTheSameEntries() throws {
        let file = ChangeSetFile(set: Self.sample(), app: 7, account: "acc", now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(file.entries.count == 3 && file.version == 1 && file.exportedAt == "2027-01-15T08:00:00Z")
        let back = try ChangeSetFile.read(try file.encoded(), expectingApp: 7)
        var expected = Self.sample()
        expected.drop(EntryKey(app: 7, account: "other", friend: "x", field: .remark))
        #expect(back.changeSet == expected)
        let text = String(decoding: try file.encoded(), as: UTF8.self)
        #expect(text.contains("\"field\" : \"custom:Tier\"") && text.contains("\"version\" : 1"))
    }

    @Test func aFileForAnotherAppIsRefused() throws {
        let data = try ChangeSetFile(set: Self.sample(), app: 7, account: "acc").encoded()
        do { _ = try ChangeSetFile.read(data, expectingApp: 8); Issue.record("accepted") } catch {
            #expect(error.description.contains("made for SDKAppID 7, not 8"))
        }
    }

    @Test func aNewerVersionIsRefusedWithTheFix() {
        let data = Data("{\"version\": 2, \"app\": 7, \"account\": \"a\", \"exportedAt\": \"\", \"entries\": []}".utf8)
        do { _ = try ChangeSetFile.read(data, expectingApp: 7); Issue.record("accepted") } catch {
            #expect(error.description.contains("version 2 is newer than this ContactDesk reads (1); update ContactDesk"))
        }
        do { _ = try ChangeSetFile.read(Data("{}".utf8), expectingApp: 7); Issue.record("accepted") } catch {
            #expect(error.description.contains("not a ContactDesk change-set file"))
        }
    }
}

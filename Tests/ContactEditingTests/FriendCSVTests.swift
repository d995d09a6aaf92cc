import ChatAPI
import ContactDeskStrings
import ContactEditing
import Foundation
import Testing

/// The friend CSV as data: encodings, RFC 4180 records, the header, and what each cell means against the
/// server's values (pure: no network).
@Suite struct FriendCSVTests {
    static let gb = String.Encoding(rawValue: 0x8000_0632)
    let friends = [
        Friend(id: "c1", nickname: "黄芳", remark: "VIP客户, \"黄\"", groups: ["VIP", "大阪"], custom: ["Tier": "gold"]),
        Friend(id: "c2", nickname: "Zoë", remark: "esc\u{1b}]0;x", groups: [], custom: [:]),
        Friend(id: "c3", nickname: "", remark: "", groups: ["Billing"], custom: ["Tier": "silver"]),
    ]

    func reader(_ fields: Set<String> = ["Tier"]) -> CSVReader { CSVReader(app: 7, account: "acct", configuredFields: fields) }

    func changes(_ csv: String, fields: Set<String> = ["Tier"]) throws -> CSVChanges {
        let fresh = Dictionary(uniqueKeysWithValues: friends.map { ($0.id, Optional($0)) })
        return reader(fields).changes(try FriendCSV.records(csv), fresh: fresh)
    }

    @Test func recordsFollowRFC4180() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n3,,\r\nlast,row,end"
        let records = try FriendCSV.records(text)
        #expect(records.map(\.cells) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["3", "", ""], ["last", "row", "end"]])
        #expect(records.map(\.line) == [1, 2, 5, 6], "a record starts on its line; the blank line is skipped")
        #expect(throws: CSVFileError(CSVText.csvOpenQuote.text(["line": 2]))) { try FriendCSV.records("a\n\"open,b\nc") }
    }

    @Test func encodingsAreDetectedOrNamedAndJunkIsRefused() throws {
        let text = "UserID,Remark\r\nc1,账单联系人 🍜\r\n"
        #expect(try FriendCSV.decode(Data(text.utf8)) == (text, .utf8))
        #expect(try FriendCSV.decode(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).text == text, "the BOM is dropped")
        let gbData = try #require(text.data(using: Self.gb))
        #expect(gbData != Data(text.utf8))
        #expect(try FriendCSV.decode(gbData) == (text, .gb18030))
        #expect(try FriendCSV.decode(gbData, encoding: .gb18030).text == text)
        do { _ = try FriendCSV.decode(gbData, encoding: .utf8); Issue.record("GB18030 read as UTF-8") } catch {
            #expect(error.message.hasPrefix("the file is not UTF-8: byte 0x") && error.message.contains("at offset 18"))
        }
        do { _ = try FriendCSV.decode(Data([0xFF, 0xFE, 0x55, 0x00])); Issue.record("UTF-16 accepted") } catch {
            #expect(error.message.contains("UTF-16") && error.message.contains("CSV UTF-8"))
        }
        do { _ = try FriendCSV.decode(Data([0x55, 0x73, 0x80, 0xFF, 0xFF, 0x00])); Issue.record("junk accepted") } catch {
            #expect(error.message == "the file is neither UTF-8 nor GB18030 (byte 0x80 at offset 2); save it as \"CSV UTF-8\" or name the encoding with --encoding")
        }
        #expect(CSVEncoding(name: "GBK") == .gb18030 && CSVEncoding(name: "UTF8") == .utf8 && CSVEncoding(name: "latin1") == nil)
    }

    @Test func anUneditedFileChangesNothingIncludingEscapedValues() throws {
        let csv = FriendCSV.write(friends, customFields: ["Tier"], bom: true)
        #expect(csv.hasPrefix("\u{FEFF}UserID,Nickname,Remark,Groups,Tier\r\n"))
        #expect(csv.contains("c1,黄芳,\"VIP客户, \"\"黄\"\"\",VIP;大阪,gold\r\n") && csv.contains("c2,Zoë,esc\\x1b]0;x,,\r\n"))
        let (text, _) = try FriendCSV.decode(Data(csv.utf8))
        let result = try changes(text)
        #expect(result.entries.isEmpty && result.problems.isEmpty && result.unchanged == 3)
    }

    @Test func eachCellIsComparedWithTheServersValue() throws {
        let csv = """
            Tier,Groups,UserID,Remark
            gold,大阪;VIP,c1,新备注
            platinum,,c2,
            silver,Billing;New,c3,
            """
        let result = try changes(csv)
        let byKey = Dictionary(uniqueKeysWithValues: result.entries.map { ("\($0.key.friend) \($0.key.field)", $0) })
        #expect(Set(byKey.keys) == ["c1 remark", "c2 remark", "c2 custom:Tier", "c3 groups"], "\(byKey.keys.sorted())")
        #expect(byKey["c1 remark"]?.base == .text("VIP客户, \"黄\"") && byKey["c1 remark"]?.intent == .set("新备注"))
        #expect(byKey["c2 remark"]?.intent == .set(""), "an empty cell clears")
        #expect(byKey["c2 custom:Tier"]?.base == .text("") && byKey["c2 custom:Tier"]?.intent == .set("platinum"))
        #expect(byKey["c3 groups"]?.intent == .groups(add: ["New"], remove: []), "groups in another order are no change; c1's are")
        #expect(result.origins[byKey["c3 groups"]!.key] == CSVChanges.Origin(line: 4, column: "Groups"))
        // A missing column leaves its field alone.
        #expect(try changes("UserID,Remark\nc3,\n").entries.isEmpty)
    }

    @Test func badRowsAndColumnsAreNamedByLine() throws {
        let rows = try changes("UserID,Remark\nc1,x\nc9,y\nc1,z\n,w\nc3\n")
        #expect(rows.problems.map { $0.text(file: "f.csv") } == [
            "f.csv:4: UserID: c1 is on line 2 already; keep one row per friend",
            "f.csv:5: UserID: empty; every row needs the friend's UserID",
            "f.csv:6: 1 cell, the header has 2; a cell with a comma must be quoted",
            "f.csv:3: UserID: c9 is not a friend of acct; remove the row or check the UserID",
        ])
        let header = try changes("UserID,Remark,remark,Colour\nc1,a,b,c\n")
        #expect(header.problems.map { $0.text(file: "f.csv") }.first == "f.csv:1: remark: the column appears twice; keep one")
        #expect(header.problems.last?.text(file: "f.csv").hasPrefix("f.csv:1: Colour: unknown column; the columns are UserID, Nickname, Remark, Groups, Tier") == true)
        #expect(try changes("Remark\nx\n").problems.first?.message.hasPrefix("no UserID column") == true)
        #expect(try changes("UserID,Tier\nc1,x\n", fields: []).problems.first?.column == "Tier", "an unconfigured custom field is unknown")
    }

    @Test func stagingProblemsLandOnTheirLineAndColumn() throws {
        let result = try changes("UserID,Remark,Groups\nc1,\(String(repeating: "长", count: 33)),VIP\nc3,ok,\(String(repeating: "g", count: 31))\n")
        let stager = Stager(configuredFields: ["Tier"], existingGroups: ["VIP", "大阪", "Billing"], friends: ["c1", "c2", "c3"])
        let placed = reader().place(stager.problems(result.entries), result).map { $0.text(file: "f.csv") }
        #expect(placed.contains { $0.hasPrefix("f.csv:2: Remark: 99 bytes, the limit is 96 bytes") }, "\(placed)")
        #expect(placed.contains { $0.hasPrefix("f.csv:3: Groups: 31 bytes, the limit is 30 bytes") }, "\(placed)")
    }
}

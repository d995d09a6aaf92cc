import ContactDeskUI
import ContactEditing
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [("a", 1), ("中", 2), ("あ", 2), ("🐼", 2), ("☕", 2), ("é", 1), ("e\u{301}", 1), ("👩‍💻", 2), ("❤️", 2), ("Ｗ", 2)])
    func graphemeWidths(_ c: String, _ width: Int) {
        #expect(DisplayWidth.of(Character(c)) == width, "\(c)")
    }

    @Test func stringWidthsAddUp() {
        #expect(DisplayWidth.of("王芳 Alice 🐼") == 2 + 2 + 1 + 5 + 1 + 2)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("中文名字", to: 5) == "中文…")
        #expect(DisplayWidth.truncate("中文名字", to: 5, ellipsis: false) == "中文")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("🐼🐼🐼", to: 4) == "🐼…")
        #expect(DisplayWidth.of(DisplayWidth.pad("中文名字", to: 5)) == 5)
        #expect(DisplayWidth.pad("ab", to: 4) == "ab  ")
    }

    @Test func tablesAlignByColumnsNotCharacters() {
        let roster = Roster(account: "a", friends: [
            Friend(id: "c1", nickname: "王芳", remark: "VIP客户", groups: ["同事"], custom: ["Tier": "gold"]),
            Friend(id: "c2", nickname: "Bob", remark: "billing", groups: [], custom: [:]),
        ])
        let lines = FriendListFormatter.table(roster).split(separator: "\n").map(String.init)
        // The remark column starts at the same display column on every row.
        func column(of cell: String, in line: String) -> Int { DisplayWidth.of(line[..<line.range(of: cell)!.lowerBound]) }
        #expect(column(of: "Remark", in: lines[0]) == column(of: "VIP客户", in: lines[1]))
        #expect(column(of: "VIP客户", in: lines[1]) == column(of: "billing", in: lines[2]))
        #expect(lines.last == "2 friends of a")
        let csv = FriendListFormatter.csv(Roster(account: "a", friends: [Friend(id: "x", remark: "a, \"b\"", groups: ["g1", "g2"])]))
        #expect(csv == "UserID,Nickname,Remark,Groups\r\nx,,\"a, \"\"b\"\"\",g1;g2\r\n")
    }
}

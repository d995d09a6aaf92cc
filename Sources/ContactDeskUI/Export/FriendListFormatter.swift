import ChatAPI
import ContactEditing
import Foundation
import ContactDeskStrings

/// A roster as text for `friends list`: an aligned table, JSON or CSV.
public enum FriendListFormatter {
    static func headings(_ roster: Roster) -> [String] { headings(customFields: roster.customFields) }
    public static func headings(customFields: [String]) -> [String] { SortColumn.allCases.map(\.title) + customFields }

    /// The row as shown: every value through the sanitiser, so the table and the CSV carry no control character.
    static func cells(_ f: Friend, _ roster: Roster) -> [String] { cells(f, customFields: roster.customFields) }
    public static func cells(_ f: Friend, customFields: [String]) -> [String] {
        ([f.id, f.nickname, f.remark, f.groups.joined(separator: ", ")] + customFields.map { f.custom[$0] ?? "" }).map { ServerText.visible($0) }
    }

    /// Columns aligned by display width (CJK and emoji count two), each at most 32 columns wide.
    public static func table(_ roster: Roster) -> String {
        let head = headings(roster)
        let rows = roster.friends.map { cells($0, roster) }
        let widths = Self.widths(head, rows)
        var out = line(head, widths) + "\n"
        for r in rows { out += line(r, widths) + "\n" }
        out += ConfigText.tableFooter.text(["count": roster.friends.count, "account": roster.account]) + "\n"
        return out
    }

    /// Each column's width: its widest cell, at most 32 columns.
    public static func widths(_ head: [String], _ rows: [[String]]) -> [Int] {
        head.indices.map { i in min(32, ([head[i]] + rows.map { $0[i] }).map { DisplayWidth.of($0) }.max() ?? 0) }
    }

    /// One table line: cells padded (or cut with "…") to their widths, two spaces apart, no trailing blanks.
    public static func line(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).map { DisplayWidth.pad($0, to: $1) }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }

    /// One object per friend, keys sorted, for scripts.
    public static func json(_ roster: Roster) -> String {
        struct Row: Encodable {
            let UserID: String, Nickname: String, Remark: String, Groups: [String], Custom: [String: String]
        }
        let rows = roster.friends.map { Row(UserID: $0.id, Nickname: $0.nickname, Remark: $0.remark, Groups: $0.groups, Custom: $0.custom) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ServerText.jsonSafe(String(decoding: (try? encoder.encode(rows)) ?? Data("[]".utf8), as: UTF8.self))
    }

    /// RFC 4180 CSV with a heading row in the column names `apply` reads back (the same in every language);
    /// groups joined by ";"; a UTF-8 BOM first when `bom` (for spreadsheets that need it to read UTF-8).
    public static func csv(_ roster: Roster, bom: Bool = false) -> String {
        FriendCSV.write(roster.friends, customFields: roster.customFields, bom: bom)
    }
}

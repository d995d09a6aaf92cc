import ChatAPI
import ContactDeskStrings
import Foundation

/// The encodings a friend CSV is read in: what spreadsheets save as "CSV" (UTF-8 with or without a BOM, and
/// GB18030 on Chinese Windows).
public enum CSVEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030

    /// Foundation's GB 18030-2000 (kCFStringEncodingGB_18030_2000 as an NSStringEncoding).
    static let gb18030Encoding = String.Encoding(rawValue: 0x8000_0632)

    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gb-18030", "gbk", "gb2312": self = .gb18030
        default: return nil
        }
    }
}

/// Why a CSV cannot be read at all (its encoding, its shape): one message naming what was found and the fix.
public struct CSVFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One record of the file with the line it starts on (a quoted cell may span lines).
public struct CSVRecord: Equatable, Sendable {
    public var line: Int
    public var cells: [String]
}

/// The friend list as CSV: the file `friends list --format csv` writes and `apply`/`--import` read back. Column
/// names are the same in every language (they are data): UserID, Nickname, Remark, Groups (names joined by `;`)
/// and one column per custom field, by its key.
public enum FriendCSV {
    public static let userID = "UserID", nickname = "Nickname", remark = "Remark", groups = "Groups"
    public static let fixedColumns = [userID, nickname, remark, groups]
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The CSV of `friends`: a heading row, then one row per friend, CRLF line ends (what spreadsheets expect).
    /// Values pass the sanitiser, so the file carries no control character; reading compares cells with the
    /// sanitised server value, so an unedited file changes nothing.
    public static func write(_ friends: [Friend], customFields: [String], bom: Bool = false) -> String {
        header(customFields: customFields, bom: bom) + rows(friends, customFields: customFields)
    }

    /// The heading row (after a BOM when asked).
    public static func header(customFields: [String], bom: Bool = false) -> String {
        (bom ? "\u{FEFF}" : "") + (fixedColumns + customFields).map(quote).joined(separator: ",") + "\r\n"
    }

    /// One row per friend, CRLF after each.
    public static func rows(_ friends: [Friend], customFields: [String]) -> String {
        var out = ""
        for f in friends {
            let cells = [f.id, f.nickname, f.remark, f.groups.joined(separator: ";")] + customFields.map { f.custom[$0] ?? "" }
            out += cells.map { quote(ServerText.visible($0)) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// The file as text: a UTF-8 BOM means UTF-8; otherwise valid UTF-8 is UTF-8 and anything else is tried as
    /// GB18030, unless `encoding` names one. UTF-16 (what "Unicode text" saves) and undecodable bytes are refused.
    public static func decode(_ data: Data, encoding: CSVEncoding? = nil) throws(CSVFileError) -> (text: String, encoding: CSVEncoding) {
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw CSVFileError(CSVText.csvUTF16.text)
        }
        let body = bytes.starts(with: bom) ? data.dropFirst(3) : data[...]
        func utf8() -> String? { String(validating: Array(body), as: UTF8.self) }
        func gb() -> String? { String(data: Data(body), encoding: CSVEncoding.gb18030Encoding) }
        switch encoding {
        case .utf8?:
            guard let text = utf8() else { throw CSVFileError(CSVText.csvNotEncoding.text(["encoding": "UTF-8", "where": badByte(body)])) }
            return (text, .utf8)
        case .gb18030?:
            guard let text = gb() else { throw CSVFileError(CSVText.csvNotEncoding.text(["encoding": "GB18030", "where": badByte(body)])) }
            return (text, .gb18030)
        case nil:
            if let text = utf8() { return (text, .utf8) }
            if let text = gb() { return (text, .gb18030) }
            throw CSVFileError(CSVText.csvNoEncoding.text(["where": badByte(body)]))
        }
    }

    /// Where the text stops being UTF-8: "byte 0xFF at offset 12".
    static func badByte(_ body: Data.SubSequence) -> String {
        var offset = 0
        var it = Array(body)[...]
        while !it.isEmpty {
            let b = it.first!
            let n = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if n == 0 || it.count < n || String(validating: Array(it.prefix(n)), as: UTF8.self) == nil {
                return CSVText.csvByteAt.text(["byte": String(format: "0x%02X", b), "offset": offset])
            }
            it = it.dropFirst(n)
            offset += n
        }
        return ""
    }

    /// RFC 4180 records: commas between cells, quoted cells may hold commas, doubled quotes and line breaks; CRLF or
    /// LF ends a record. Blank lines are skipped. A quote left open is refused with the line it opened on.
    public static func records(_ text: String) throws(CSVFileError) -> [CSVRecord] {
        var out: [CSVRecord] = []
        var cells: [String] = []
        var cell = ""
        var line = 1, recordLine = 1, quoteLine = 0
        var inQuotes = false, quotedCell = false
        var chars = Array(text.unicodeScalars)[...]
        func endRecord() {
            cells.append(cell)
            if !(cells.count == 1 && cells[0].isEmpty && !quotedCell) { out.append(CSVRecord(line: recordLine, cells: cells)) }
            cells = []; cell = ""; quotedCell = false
        }
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); cell.unicodeScalars.append("\"") } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    cell.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where cell.isEmpty && !quotedCell: inQuotes = true; quotedCell = true; quoteLine = line
            case ",": cells.append(cell); cell = ""; quotedCell = false
            case "\r" where chars.first == "\n": break
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default: cell.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw CSVFileError(CSVText.csvOpenQuote.text(["line": quoteLine])) }
        if !cell.isEmpty || !cells.isEmpty || quotedCell { endRecord() }
        return out
    }
}

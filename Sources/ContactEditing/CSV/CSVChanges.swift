import ChatAPI
import ContactDeskStrings
import Foundation

/// A problem with a CSV, placed where the operator can find it: `FILE:LINE: column: problem`.
public struct CSVProblem: Equatable, Sendable {
    public var line: Int?
    public var column: String?
    public var message: String
    public init(line: Int?, column: String?, message: String) { self.line = line; self.column = column; self.message = message }

    public func text(file: String) -> String {
        let place = line.map { "\(file):\($0)" } ?? file
        return column.map { CSVText.csvProblemWithColumn.text(["place": place, "column": $0, "message": message]) }
            ?? CSVText.csvProblem.text(["place": place, "message": message])
    }
}

/// The changes a CSV asks for, compared with the account as the server has it now.
public struct CSVChanges: Equatable, Sendable {
    public struct Origin: Equatable, Sendable {
        public var line: Int
        public var column: String
        public init(line: Int, column: String) { self.line = line; self.column = column }
    }
    public var entries: [ChangeEntry] = []
    /// Where each entry came from, for problems and the dry run.
    public var origins: [EntryKey: Origin] = [:]
    /// Rows that change nothing.
    public var unchanged = 0
    public var problems: [CSVProblem] = []
    /// Friends as the server has them now (the base of every entry).
    public var fresh: [String: Friend] = [:]
}

/// Reads a friend CSV against the account: the header names the columns (UserID required; Nickname ignored;
/// Remark; Groups split on `;`; custom fields by key), a cell equal to the server's value (as `friends list`
/// writes it) changes nothing, a different one stages a change whose base is the server's value, an empty one
/// clears the field, a missing column leaves it alone, rows not in the file are left alone.
public struct CSVReader: Sendable {
    public enum Column: Equatable, Sendable {
        case userID, nickname, remark, groups, custom(String)
        var field: FieldKey? {
            switch self {
            case .userID, .nickname: nil
            case .remark: .remark
            case .groups: .groups
            case .custom(let k): .custom(k)
            }
        }
    }

    public var app: UInt64
    public var account: String
    /// Custom fields the app has configured (profile, `--custom-field`).
    public var configuredFields: Set<String>

    public init(app: UInt64, account: String, configuredFields: Set<String>) {
        self.app = app; self.account = account; self.configuredFields = configuredFields
    }

    /// The header's columns, or the problems that make the file unreadable (unknown, repeated, no UserID).
    public func columns(_ header: CSVRecord) -> (columns: [Column], problems: [CSVProblem]) {
        var columns: [Column] = []
        var problems: [CSVProblem] = []
        let known = (FriendCSV.fixedColumns + configuredFields.sorted()).joined(separator: ", ")
        for raw in header.cells {
            let name = raw.trimmingCharacters(in: .whitespaces)
            let column: Column? = switch name.lowercased() {
            case "userid": .userID
            case "nickname": .nickname
            case "remark": .remark
            case "groups": .groups
            default:
                configuredFields.contains(name) ? .custom(name)
                    : name.hasPrefix("Tag_SNS_Custom_") && configuredFields.contains(String(name.dropFirst(15))) ? .custom(String(name.dropFirst(15))) : nil
            }
            guard let column else {
                problems.append(CSVProblem(line: header.line, column: ServerText.visible(name),
                                           message: CSVText.csvUnknownColumn.text(["known": known])))
                continue
            }
            if columns.contains(column) {
                problems.append(CSVProblem(line: header.line, column: ServerText.visible(name), message: CSVText.csvRepeatedColumn.text))
            }
            columns.append(column)
        }
        if !columns.contains(.userID) && problems.isEmpty {
            problems.append(CSVProblem(line: header.line, column: nil, message: CSVText.csvNoUserID.text(["known": known])))
        }
        return (columns, problems)
    }

    /// The rows' UserIDs in file order, with shape problems (cell counts, empty or repeated ids).
    public func rows(_ records: [CSVRecord], columns: [Column]) -> (ids: [(line: Int, id: String)], problems: [CSVProblem]) {
        guard let idColumn = columns.firstIndex(of: .userID) else { return ([], []) }
        var ids: [(Int, String)] = []
        var seen: [String: Int] = [:]
        var problems: [CSVProblem] = []
        for r in records.dropFirst() {
            guard r.cells.count == columns.count else {
                problems.append(CSVProblem(line: r.line, column: nil, message: CSVText.csvCellCount.text(["count": r.cells.count, "columns": columns.count])))
                continue
            }
            let id = r.cells[idColumn].trimmingCharacters(in: .whitespaces)
            if id.isEmpty {
                problems.append(CSVProblem(line: r.line, column: FriendCSV.userID, message: CSVText.csvEmptyUserID.text))
            } else if let first = seen[id] {
                problems.append(CSVProblem(line: r.line, column: FriendCSV.userID, message: CSVText.csvRepeatedUserID.text(["id": ServerText.visible(id), "first": first])))
            } else {
                seen[id] = r.line
                ids.append((r.line, id))
            }
        }
        return (ids, problems)
    }

    /// The changes of `records` (the header first) against `fresh` (nil: not a friend of the account).
    public func changes(_ records: [CSVRecord], fresh: [String: Friend?]) -> CSVChanges {
        var out = CSVChanges()
        guard let header = records.first else {
            out.problems.append(CSVProblem(line: nil, column: nil, message: CSVText.csvEmpty.text))
            return out
        }
        let (columns, headerProblems) = self.columns(header)
        out.problems += headerProblems
        guard headerProblems.isEmpty, let idColumn = columns.firstIndex(of: .userID) else { return out }
        let (_, rowProblems) = rows(records, columns: columns)
        out.problems += rowProblems
        let bad = Set(rowProblems.compactMap(\.line))
        for r in records.dropFirst() where !bad.contains(r.line) {
            let id = r.cells[idColumn].trimmingCharacters(in: .whitespaces)
            guard let friend = fresh[id] ?? nil else {
                out.problems.append(CSVProblem(line: r.line, column: FriendCSV.userID,
                                               message: CSVText.csvNotAFriend.text(["id": ServerText.visible(id), "account": account])))
                continue
            }
            out.fresh[id] = friend
            var changed = false
            for (i, column) in columns.enumerated() {
                guard let field = column.field else { continue }
                let cell = r.cells[i]
                let key = EntryKey(app: app, account: account, friend: id, field: field)
                let current = friend.value(of: field)
                let entry: ChangeEntry?
                switch current {
                case .groups(let now):
                    let wanted = Self.groupList(cell)
                    // Groups are a set to the operator: another order, or the names as written (sanitised), is no change.
                    if Set(wanted) == Set(now) || Set(wanted) == Set(now.map { ServerText.visible($0) }) { entry = nil } else {
                        entry = ChangeEntry(key: key, base: current, intent: .groups(add: wanted.filter { !now.contains($0) }, remove: now.filter { !wanted.contains($0) }))
                    }
                case .text(let now):
                    entry = cell == now || cell == ServerText.visible(now) ? nil : ChangeEntry(key: key, base: current, intent: .set(cell))
                }
                if let entry {
                    out.entries.append(entry)
                    out.origins[key] = CSVChanges.Origin(line: r.line, column: header.cells[i].trimmingCharacters(in: .whitespaces))
                    changed = true
                }
            }
            if !changed { out.unchanged += 1 }
        }
        return out
    }

    /// A Groups cell as names: split on `;`, trimmed, empty pieces and repeats dropped.
    static func groupList(_ cell: String) -> [String] {
        var out: [String] = []
        for piece in cell.split(separator: ";", omittingEmptySubsequences: true) {
            let name = piece.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty && !out.contains(name) { out.append(name) }
        }
        return out
    }

    /// The Stager's problems placed on the line and column each entry came from.
    public func place(_ problems: [StagingProblem], _ changes: CSVChanges) -> [CSVProblem] {
        problems.map { p in
            let origin = changes.origins[EntryKey(app: app, account: account, friend: p.friend, field: p.field)]
            if p.friend == StagingProblem.allFriends { return CSVProblem(line: nil, column: FriendCSV.groups, message: p.message) }
            return CSVProblem(line: origin?.line, column: origin?.column ?? p.field.title, message: p.message)
        }
    }
}

import ChatAPI
import ContactDeskStrings
import Foundation

/// A friend CSV read against the account as the server has it now, the one path for `apply FILE.csv` and
/// `--import FILE.csv`: decode, parse, check the header, re-read the rows' friends (friend_get_list, 100 per
/// call), compare, then the Stager's checks (limits, configured fields, the 32-group limit) placed on the line
/// and column each change came from.
public struct CSVImport: Sendable {
    public var changes: CSVChanges
    /// The Stager's problems, by line and column.
    public var stagingProblems: [CSVProblem]
    /// The changes without those with a problem (what `--skip-invalid` applies).
    public var valid: [ChangeEntry]
    public var encoding: CSVEncoding
    public var rows: Int
    /// The header's line (problems on it concern the whole file).
    public var headerLine = 1

    /// Whether the file looks like a CSV rather than a change-set file (JSON starts with `{`).
    public static func isCSV(_ data: Data) -> Bool {
        let body = data.starts(with: FriendCSV.bom) ? data.dropFirst(3) : data[...]
        return body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) != UInt8(ascii: "{")
    }

    /// Reads `data`; a file that cannot be read at all throws `CSVFileError`, problems of its cells are returned.
    public static func load(_ data: Data, encoding: CSVEncoding? = nil, client: ChatClient, account: String,
                            configuredFields: Set<String>) async throws -> CSVImport {
        let (text, found) = try FriendCSV.decode(data, encoding: encoding)
        let records = try FriendCSV.records(text)
        let reader = CSVReader(app: client.config.sdkAppID, account: account, configuredFields: configuredFields)
        guard let header = records.first else {
            return CSVImport(changes: CSVChanges(problems: [CSVProblem(line: nil, column: nil, message: CSVText.csvEmpty.text)]),
                             stagingProblems: [], valid: [], encoding: found, rows: 0)
        }
        let (columns, headerProblems) = reader.columns(header)
        guard headerProblems.isEmpty else {
            return CSVImport(changes: CSVChanges(problems: headerProblems), stagingProblems: [], valid: [], encoding: found, rows: records.count - 1,
                             headerLine: header.line)
        }
        let ids = reader.rows(records, columns: columns).ids.map(\.id)
        let custom = columns.compactMap { if case .custom(let k) = $0 { k } else { nil } }
        var fresh: [String: Friend?] = [:]
        for info in try await client.friendGetList(account: account, friends: ids, tags: [FriendTag.remark, FriendTag.group] + custom.map(FriendTag.custom)) {
            fresh[info.toAccount] = (info.resultCode ?? 0) == 0 ? Friend(id: info.toAccount, tags: info.snsProfileItem ?? []) : .some(nil)
        }
        let changes = reader.changes(records, fresh: fresh)
        let groups = try await client.groupGet(account: account).resultItem?.map(\.groupName) ?? []
        let stager = Stager(configuredFields: configuredFields, existingGroups: groups, friends: Set(changes.fresh.keys))
        return CSVImport(changes: changes, stagingProblems: reader.place(stager.problems(changes.entries), changes),
                         valid: stager.valid(changes.entries), encoding: found, rows: records.count - 1, headerLine: header.line)
    }
}

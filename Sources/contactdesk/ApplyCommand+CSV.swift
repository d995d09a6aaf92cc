import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactEditing
import Foundation

/// `apply FILE.csv --account ID`: a friend CSV edited in a spreadsheet, compared with a fresh read, checked by
/// the Stager, then listed (`--dry-run`) or submitted like a change set (docs/CSV.md).
extension ApplyCommand {
    func applyCSV(_ data: Data, client: ChatClient, profile: Profile?) async throws {
        guard let account else { throw refused(CSVText.needsAccount.text(["file": file])) }
        var chosen: CSVEncoding?
        if let encoding {
            guard let e = CSVEncoding(name: encoding) else {
                throw ArgumentParser.ValidationError(CLIText.badEncoding.text(["value": encoding]))
            }
            chosen = e
        }
        let configured = Set(customFields + (profile?.customFields ?? []))
        let read: CSVImport
        do {
            read = try await CSVImport.load(data, encoding: chosen, client: client, account: account, configuredFields: configured)
        } catch let e as CSVFileError {
            throw refused(CSVText.wrongKind.text(["file": file, "problem": e.message]))
        } catch let e as ChatError {
            throw fail("\(e.description)\n\(e.hint)")
        }
        printError(CSVText.read.text(["file": file, "encoding": read.encoding.rawValue.uppercased(), "rows": read.rows]))
        // Problems of the file's shape (columns, rows, friendship), then of the values: every one listed, by line.
        var entries = read.changes.entries
        let shape = read.changes.problems
        let values = read.stagingProblems
        if !shape.isEmpty || !values.isEmpty {
            let lines = (shape + values).map { $0.text(file: file) }.joined(separator: "\n")
            // A header problem or the group limit concerns the whole file; row problems can be left out.
            let wholeFile = shape.contains { $0.line == read.headerLine || $0.line == nil } || values.contains { $0.line == nil }
            guard skipInvalid && !wholeFile else {
                throw refused("\(lines)\n\((skipInvalid ? CSVText.refusedSkipInvalid : CSVText.refused).text)")
            }
            entries = read.valid
            printError("\(lines)\ncontactdesk: \(CSVText.skipping.text(["count": read.changes.entries.count - entries.count]))")
        }
        guard !entries.isEmpty else {
            print(CSVText.nothingToChange.text(["file": file, "account": account, "rows": read.rows]))
            return
        }
        if dryRun {
            let byFriend = Dictionary(grouping: entries, by: \.key.friend)
            let order = byFriend.keys.sorted { (read.changes.origins[byFriend[$0]![0].key]?.line ?? 0) < (read.changes.origins[byFriend[$1]![0].key]?.line ?? 0) }
            for friend in order {
                print(ServerText.visible(friend))
                for e in byFriend[friend]!.sorted(by: { $0.key < $1.key }) {
                    let column = read.changes.origins[e.key]?.column ?? e.key.field.title
                    print(CSVText.dryRunChange.text(["column": ServerText.visible(column), "old": show(e.base), "new": show(e.result)]))
                }
            }
            print(CSVText.dryRunSummary.text(["changes": entries.count, "friends": byFriend.count, "account": account, "unchanged": read.changes.unchanged]))
            return
        }
        try await send(entries, account: account, client: client)
    }

    /// A value in the dry run: "text", (cleared) for an emptied text, groups joined by ";".
    func show(_ value: FieldValue) -> String {
        switch value {
        case .text(let t): t.isEmpty ? CSVText.dryRunCleared.text : "\"\(ServerText.visible(t))\""
        case .groups(let g): g.isEmpty ? CSVText.dryRunCleared.text : ServerText.visible(g.joined(separator: ";"))
        }
    }
}

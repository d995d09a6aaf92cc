import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactDeskUI
import ContactEditing
import Foundation

/// `contactdesk audit`: who changed what, when, and what the service answered.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "List the audit log of submitted changes.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(name: .long, help: "Only this account.") var account: String?
    @Option(name: .long, help: ArgumentHelp("Only records since this date (YYYY-MM-DD or ISO 8601).", valueName: "date")) var since: String?
    @Option(name: .long, help: "table or json.") var format: Format = .table
    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.start()
        var sinceDate: Date?
        if let since {
            sinceDate = (try? Date(since, strategy: .iso8601)) ?? (try? Date(since + "T00:00:00Z", strategy: .iso8601))
            guard sinceDate != nil else { throw ValidationError(CLIText.auditSinceNotADate.text(["value": since])) }
        }
        let log = try AuditLog(url: StatePaths.stateDirectory().appendingPathComponent("audit.sqlite"))
        let records = try log.records(account: account, since: sinceDate)
        switch format {
        case .json:
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            e.dateEncodingStrategy = .iso8601
            print(ServerText.jsonSafe(String(decoding: try e.encode(records), as: UTF8.self)))
        case .table:
            print(Self.table(records), terminator: "")
            print(CLIText.auditRecordCount.text(["count": records.count]))
        }
    }

    /// Aligned columns under a header; values from the service and the operator are shown visibly (no control
    /// characters reach the terminal), an empty value as "(empty)", and long ones cut with "…" (json has them whole).
    /// Widths are display cells, so the headings and values line up in Chinese too.
    static func table(_ records: [AuditRecord]) -> String {
        guard !records.isEmpty else { return "" }
        let empty = CLIText.auditEmptyValue.text
        func value(_ s: String) -> String { s.isEmpty ? empty : ServerText.visible(s) }
        let header = [CLIText.auditHeadingWhen, .auditHeadingWho, .auditHeadingApp, .auditHeadingAccount, .auditHeadingFriend,
                      .auditHeadingField, .auditHeadingOld, .auditHeadingNew, .auditHeadingResult].map { $0.text }
        let rows: [[String]] = records.map { r in
            let result = r.code == 0 ? Glyphs.g("✓") : Glyphs.g("✗ ") + (r.code > 0 ? ErrorCatalog.inline(r.code, info: r.info) : ServerText.clean(r.displayInfo))
            return [r.at.formatted(.iso8601), r.operatorName + (r.sshClient.map { "@" + $0 } ?? ""), "\(r.app)", ServerText.visible(r.account),
                    ServerText.visible(r.friend), r.field, value(r.old), value(r.new), result]
        }
        let caps = [25, 24, 12, 32, 32, 24, 40, 40, 200]
        let widths = header.indices.map { i in min(caps[i], ([header] + rows).map { DisplayWidth.of($0[i]) }.max() ?? 0) }
        return ([header] + rows).map { row in
            row.indices.map { i in i == row.count - 1 ? DisplayWidth.truncate(row[i], to: widths[i]) : DisplayWidth.pad(row[i], to: widths[i]) }
                .joined(separator: "  ") + "\n"
        }.joined()
    }
}

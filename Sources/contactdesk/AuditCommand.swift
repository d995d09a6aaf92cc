import ArgumentParser
import ChatAPI
import ContactEditing
import Foundation

/// `contactdesk audit`: who changed what, when, and what the service answered.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "List the audit log of submitted changes.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(name: .long, help: "Only this account.") var account: String?
    @Option(name: .long, help: ArgumentHelp("Only records since this date (YYYY-MM-DD or ISO 8601).", valueName: "date")) var since: String?
    @Option(name: .long, help: "table or json.") var format: Format = .table

    func run() throws {
        var sinceDate: Date?
        if let since {
            sinceDate = (try? Date(since, strategy: .iso8601)) ?? (try? Date(since + "T00:00:00Z", strategy: .iso8601))
            guard sinceDate != nil else { throw ValidationError("--since \(since) is not a date; use YYYY-MM-DD or 2026-11-27T10:00:00Z") }
        }
        let log = try AuditLog(url: StatePaths.stateDirectory().appendingPathComponent("audit.sqlite"))
        let records = try log.records(account: account, since: sinceDate)
        switch format {
        case .json:
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            e.dateEncodingStrategy = .iso8601
            print(String(decoding: try e.encode(records), as: UTF8.self))
        case .table:
            for r in records {
                let result = r.code == 0 ? "✓" : "✗ " + (r.code > 0 ? ErrorCatalog.inline(r.code, info: r.info) : r.info)
                print([r.at.formatted(.iso8601), r.operatorName + (r.sshClient.map { "@" + $0 } ?? ""), "\(r.app)", r.account, r.friend,
                       r.field, r.old, "->", r.new, result].joined(separator: "  "))
            }
            print("\(records.count) record\(records.count == 1 ? "" : "s")")
        }
    }
}

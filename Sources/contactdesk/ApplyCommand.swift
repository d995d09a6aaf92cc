import ArgumentParser
import ChatAPI
import ContactEditing
import Foundation

/// `contactdesk apply FILE`: submits an exported change set without the TUI.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Submit an exported change-set file without the TUI.",
        discussion: "Prints one line per friend. Exit status: 0 every row applied, 1 some failed or conflicted, 2 usage or configuration errors.")

    @Argument(help: "A change-set file (docs/CHANGESET-FORMAT.md).") var file: String
    @Flag(name: .long, help: "Re-read and merge, print what would be sent, send nothing.") var dryRun = false
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        global.bootstrapLogging()
        let client: ChatClient
        let changes: ChangeSetFile
        do {
            client = try connection.makeClient()
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ArgumentParser.ValidationError("\(file): no such file, or it cannot be read")
            }
            changes = try ChangeSetFile.read(data, expectingApp: client.config.sdkAppID)
        } catch let e as ArgumentParser.ValidationError { throw e } catch { throw ArgumentParser.ValidationError("\(error)") }
        let entries = changes.changeSet.sorted
        if dryRun {
            let plan = try await SubmitPlan.fetch(client, account: changes.account, entries: entries, customKeys: customKeys(entries)).plan
            for item in plan.items {
                print("\(item.toAccount)  would send " + item.snsItem.map { "\($0.tag)=\(describe($0.value))" }.joined(separator: " "))
            }
            for (friend, fields) in plan.conflicts.sorted(by: { $0.key < $1.key }) {
                print("\(friend)  ! conflict: \(fields.map(\.description).joined(separator: ", ")) (not sent)")
            }
            for friend in plan.alreadyApplied.sorted() { print("\(friend)  already as staged") }
            print("dry run: \(plan.items.count) rows would be sent to \(changes.account); nothing was sent")
            if !plan.conflicts.isEmpty { throw ExitCode(1) }
            return
        }
        // No audit log, no submit: refused before anything is sent, as a configuration error.
        let audit: AuditLog
        do { audit = try SubmitSession.openAudit(StatePaths.stateDirectory().appendingPathComponent("audit.sqlite")) } catch {
            FileHandle.standardError.write(Data("contactdesk: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let session = SubmitSession(client: client, app: client.config.sdkAppID, account: changes.account, audit: audit, journal: nil)
        let report: Submitter.Report
        do { report = try await session.submit(entries, customKeys: customKeys(entries)) } catch let e as AuditUnavailable {
            FileHandle.standardError.write(Data("contactdesk: \(e)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("contactdesk: \(error)\n".utf8))
            throw ExitCode(1)
        }
        for friend in report.outcomes.keys.sorted() { print("\(friend)  \(report.outcomes[friend]!.inline)") }
        let bad = report.outcomes.values.filter { $0 != .ok }.count
        print("\(report.outcomes.count - bad) applied, \(bad) failed or conflicted, account \(changes.account)")
        if let problem = report.auditFailure {
            FileHandle.standardError.write(Data("contactdesk: AUDIT: \(problem)\n".utf8))
            throw ExitCode(1)
        }
        if bad > 0 { throw ExitCode(1) }
    }

    func customKeys(_ entries: [ChangeEntry]) -> [String] {
        Array(Set(entries.compactMap { if case .custom(let k) = $0.key.field { return k } else { return nil } })).sorted()
    }

    func describe(_ v: FriendValue) -> String {
        switch v {
        case .string(let s): "\"\(s)\""
        case .strings(let a): "[" + a.joined(separator: ",") + "]"
        case .integer(let i): "\(i)"
        case .other: "…"
        }
    }
}

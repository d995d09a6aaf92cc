import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactEditing
import Foundation

/// `contactdesk apply FILE`: submits an exported change set without the TUI.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Submit an exported change-set file, or a friend CSV edited in a spreadsheet, without the TUI.",
        discussion: """
        Every entry is checked first (limits, configured custom fields, friendship, the 32-group limit); a file with any \
        invalid entry is refused whole and nothing is sent, unless --skip-invalid is given. Prints one line per friend. \
        Exit status: 0 every row applied, 1 some failed or conflicted, 2 usage, configuration or file errors.
        """)

    @Argument(help: "A change-set file (docs/CHANGESET-FORMAT.md) or a friend CSV as `friends list --format csv` writes it (docs/CSV.md).")
    var file: String
    @Option(name: .long, help: "The account a CSV changes (a change-set file names its own; if given, it must match).") var account: String?
    @Option(name: .long, help: ArgumentHelp("A CSV's encoding: utf-8 or gb18030 (default: detected).", valueName: "name"))
    var encoding: String?
    @Flag(name: .long, help: "Re-read and merge, print what would be sent, send nothing.") var dryRun = false
    @Flag(name: .long, help: "Leave out the entries that fail validation (each is listed) instead of refusing the file.") var skipInvalid = false
    @Option(name: .customLong("custom-field"),
            help: ArgumentHelp("A custom friend field the app has configured (repeatable); a profile's custom_fields count too.", valueName: "key"))
    var customFields: [String] = []
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        global.start()
        let client: ChatClient
        let changes: ChangeSetFile
        let profile: Profile?
        do {
            profile = try connection.loadProfile()
            client = try connection.makeClient(profile: profile)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ArgumentParser.ValidationError(CLIText.fileUnreadable.text(["file": file]))
            }
            if CSVImport.isCSV(data) { return try await applyCSV(data, client: client, profile: profile) }
            do { changes = try ChangeSetFile.read(data, expectingApp: client.config.sdkAppID) } catch {
                throw refused(error.message(path: file))
            }
            if let account, account != changes.account {
                throw refused(CLIText.importWrongAccount.text(["path": file, "fileAccount": changes.account, "account": account]))
            }
        } catch let e as ArgumentParser.ValidationError { throw e } catch let e as ExitCode { throw e } catch {
            throw ArgumentParser.ValidationError("\(error)")
        }
        var entries = changes.entries
        // Offline checks first: an unconfigured custom field would fail every row of the re-read's call.
        let configured = Set(customFields + (profile?.customFields ?? []))
        var operations = changes.groupOperations
        entries = try check(entries, Stager(configuredFields: configured))
        guard !entries.isEmpty || !operations.isEmpty else { throw refused(CLIText.applyNoValidEntry.text(["file": file])) }
        // Then what the server says: who is a friend, how many groups there are (after the group operations, which run first).
        let pre = try await SubmitPlan.fetch(client, account: changes.account, entries: entries, customKeys: SubmitSession.keys([], entries))
        // Group operations an earlier apply or groups command left half done are finished first, as they were.
        var groupJournal: Journal?
        if !operations.isEmpty && !dryRun {
            do {
                let dir = StatePaths.stateDirectory()
                let audit = try SubmitSession.openAudit(dir.appendingPathComponent("audit.sqlite"))
                let journal = try Journal(url: dir.appendingPathComponent("journal.sqlite"))
                groupJournal = journal
                let interrupted = try journal.inFlightGroupOperations(app: client.config.sdkAppID, account: changes.account)
                if !interrupted.isEmpty {
                    for e in interrupted { print(GroupText.cliFinishing.text(["operation": ServerText.visible(e.operation.summary)])) }
                    let runner = GroupOperationRunner(client: client, app: client.config.sdkAppID, account: changes.account, audit: audit, journal: journal)
                    for r in try await runner.run(interrupted, keepRefused: false) {
                        print(GroupText.cliResult.text(["operation": ServerText.visible(r.entry.operation.summary), "result": r.outcome.inline]))
                    }
                    operations.removeAll { op in interrupted.contains { $0.operation == op.operation } }
                }
            } catch let e as ExitCode { throw e } catch { throw refused("\(error)") }
        }
        var groups = try await client.groupGet(account: changes.account).resultItem?.map(\.groupName) ?? []
        for e in operations {
            if let problem = e.operation.problem(groups: groups) {
                throw refused(CLIText.fileProblem.text(["file": file, "problem": GroupText.cliProblem.text(["operation": ServerText.visible(e.operation.summary), "problem": "\(problem)"])]))
            }
            groups = e.operation.apply(toNames: groups)
        }
        let friends = Set(entries.map(\.key.friend)).subtracting(pre.refused.keys)
        entries = try check(entries, Stager(configuredFields: configured, existingGroups: groups, friends: friends))
        guard !entries.isEmpty || !operations.isEmpty else { throw refused(CLIText.applyNoValidEntry.text(["file": file])) }

        if dryRun {
            for e in operations { GroupWriter.printPlan(try await GroupOperationPlan.fetch(client, account: changes.account, e.operation)) }
            // The read the checks made is the dry run's too: no second friend_get_list.
            let plan = SubmitPlan.make(entries: entries, fresh: pre.fresh)
            for item in plan.items {
                let fields = item.snsItem.map { "\($0.tag)=\(describe($0.value))" }.joined(separator: " ")
                print(CLIText.applyWouldSend.text(["friend": ServerText.visible(item.toAccount), "fields": fields]))
            }
            for (friend, fields) in plan.conflicts.sorted(by: { $0.key < $1.key }) {
                print(CLIText.applyConflictNotSent.text(["friend": ServerText.visible(friend), "fields": fields.map(\.description).joined(separator: ", ")]))
            }
            for friend in plan.alreadyApplied.sorted() { print(CLIText.applyAlreadyAsStaged.text(["friend": ServerText.visible(friend)])) }
            print(CLIText.applyDryRunSummary.text(["count": plan.items.count, "account": changes.account]))
            if !plan.conflicts.isEmpty { throw ExitCode(1) }
            return
        }
        try await send(entries, operations: operations, account: changes.account, client: client, groupJournal: groupJournal)
    }

    /// Submits through SubmitSession and prints one line per group operation and per friend; exit 1 when any row
    /// was not applied or the audit log missed one.
    func send(_ entries: [ChangeEntry], operations: [GroupOperationEntry] = [], account: String, client: ChatClient,
              groupJournal: Journal? = nil) async throws {
        // No audit log, no submit: refused before anything is sent, as a configuration error.
        let audit: AuditLog
        do { audit = try SubmitSession.openAudit(StatePaths.stateDirectory().appendingPathComponent("audit.sqlite")) } catch {
            throw refused("\(error)")
        }
        let session = SubmitSession(client: client, app: client.config.sdkAppID, account: account, audit: audit, journal: nil)
        let report: Submitter.Report
        do { report = try await session.submit(entries, groupOperations: operations, groupJournal: groupJournal, customKeys: []) } catch let e as AuditUnavailable {
            throw refused("\(e)")
        } catch {
            printError("contactdesk: \(error)")
            throw ExitCode(1)
        }
        for g in report.groups {
            print(GroupText.cliResult.text(["operation": ServerText.visible(g.entry.operation.summary), "result": g.outcome.inline]))
            if let problem = g.problem { print("  " + problem) }
        }
        for friend in report.outcomes.keys.sorted() { print("\(ServerText.visible(friend))  \(report.outcomes[friend]!.inline)") }
        let badGroups = report.groups.filter { $0.outcome != .ok }.count
        let bad = report.outcomes.values.filter { $0 != .ok }.count + badGroups
        print(CLIText.applySummary.text(["applied": report.outcomes.count + report.groups.count - bad, "bad": bad, "account": account]))
        if let problem = report.auditFailure {
            printError("contactdesk: \(CLIText.applyAuditFailure.text(["problem": problem]))")
            throw ExitCode(1)
        }
        if bad > 0 { throw ExitCode(1) }
    }

    /// The entries that pass `stager`; with problems, the file is refused (exit 2) unless --skip-invalid.
    func check(_ entries: [ChangeEntry], _ stager: Stager) throws -> [ChangeEntry] {
        let problems = stager.problems(entries)
        guard !problems.isEmpty else { return entries }
        let lines = problems.map { CLIText.fileProblem.text(["file": file, "problem": "\($0)"]) }.joined(separator: "\n")
        if skipInvalid {
            let kept = stager.valid(entries)
            // A problem of the whole file (the group limit) cannot be skipped row by row.
            if stager.problems(kept).isEmpty {
                let skipping = CLIText.applySkipping.text(["count": entries.count - kept.count])
                printError("\(lines)\ncontactdesk: \(skipping)")
                return kept
            }
        }
        let refusal = (skipInvalid ? CLIText.applyRefusedSkipInvalid : CLIText.applyRefused).text(["file": file])
        throw refused("\(lines)\n\(refusal)")
    }

    /// Prints a refusal and exits 2.
    func refused(_ message: String) -> ExitCode {
        printError("contactdesk: \(message)")
        return ExitCode(2)
    }

    func describe(_ v: FriendValue) -> String {
        switch v {
        // Data, so newlines too are escaped: a value cannot start an output line of its own.
        case .string(let s): "\"\(ServerText.visible(s))\""
        case .strings(let a): "[" + a.map { ServerText.visible($0) }.joined(separator: ",") + "]"
        case .integer(let i): "\(i)"
        case .other: Glyphs.g("…")
        }
    }
}

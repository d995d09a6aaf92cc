import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactEditing
import Foundation

/// What the changing `groups` commands share: check every name before any call, check against the server's
/// groups before any write, finish an operation a killed run left half done, then run, one line per change.
struct GroupWriter {
    let options: GroupWriteOptions
    var account: String { options.account }

    func run(_ requested: [GroupOperation]) async throws {
        options.global.start()
        guard !requested.isEmpty else { throw ArgumentParser.ValidationError(GroupText.cliNeedsName.text) }
        // Offline: names that can never be sent are refused before a client exists.
        let validator = Validator(configuredFields: [])
        for op in requested {
            for name in [op.source, op.target].compactMap({ $0 }) {
                do { try validator.groupName(name) } catch { throw refused(GroupText.cliProblem.text(["operation": visible(op), "problem": "\(error)"])) }
            }
        }
        let profile: Profile?
        let client: ChatClient
        do {
            profile = try options.connection.loadProfile()
            client = try options.connection.makeClient(profile: profile)
        } catch let e as ArgumentParser.ValidationError { throw e } catch let e as ExitCode { throw e } catch {
            throw ArgumentParser.ValidationError("\(error)")
        }
        if profile?.readOnly == true { throw refused(GroupText.readOnly.text) }
        let app = client.config.sdkAppID

        if options.dryRun { return try await dryRun(requested, client: client) }
        // No audit log, no change: refused before anything is sent.
        let audit: AuditLog, journal: Journal
        do {
            let dir = try StatePaths.stateDirectory()
            audit = try SubmitSession.openAudit(dir.appendingPathComponent("audit.sqlite"))
            journal = try Journal(url: dir.appendingPathComponent("journal.sqlite"))
        } catch { throw refused("\(error)") }
        let runner = GroupOperationRunner(client: client, app: app, account: account, audit: audit, journal: journal)

        var failed = 0, done = 0, moved = 0
        func report(_ reports: [GroupOperationReport]) {
            for r in reports {
                for m in r.moves {
                    print(GroupText.cliMoved.text(["friend": ServerText.visible(m.move.friend), "old": list(m.move.old), "new": list(m.move.new),
                                                   "result": m.outcome.inline]))
                    if m.outcome == .ok { moved += 1 }
                }
                print(GroupText.cliResult.text(["operation": visible(r.entry.operation), "result": r.outcome.inline]))
                if let problem = r.problem { print("  " + problem) }
                if case .failed(let code, _) = r.outcome { print("  " + ErrorCatalog.entry(code).hint) }
                if case .notSent(let reason) = r.outcome { print("  " + reason) }
                if r.outcome == .ok { done += 1 } else { failed += 1 }
            }
        }

        // A run killed half way is finished first: its moves are reconciled and the rest re-read and sent.
        var operations = requested
        let interrupted = try journal.inFlightGroupOperations(app: app, account: account)
        if !interrupted.isEmpty {
            for e in interrupted { print(GroupText.cliFinishing.text(["operation": visible(e.operation)])) }
            report(try await execute(runner, interrupted))
            operations.removeAll { op in interrupted.contains { $0.operation == op } }
        }
        if !operations.isEmpty {
            let groups = try await read { try await client.groupGet(account: account).resultItem ?? [] }
            let entries = try check(operations, groups: groups, app: app)
            report(try await execute(runner, entries))
        }
        print(GroupText.cliSummary.text(["done": done, "failed": failed, "moved": moved]))
        if failed > 0 { throw ExitCode(1) }
    }

    /// Each operation against the groups the earlier ones leave: the limit is a refusal by the service's rule
    /// (30011, exit 1), anything else a usage error (exit 2). Nothing is sent unless all pass.
    func check(_ operations: [GroupOperation], groups items: [GroupItem], app: UInt64) throws -> [GroupOperationEntry] {
        var names = items.map(\.groupName)
        var entries: [GroupOperationEntry] = []
        for op in operations {
            if let problem = op.problem(groups: names) {
                if problem.isLimit {
                    print(GroupText.cliRefusedBeforeSending.text(["operation": visible(op), "result": SubmitOutcome.failed(code: 30011, info: "").inline]))
                    print("  " + problem.error.message)
                    throw ExitCode(1)
                }
                throw refused(GroupText.cliProblem.text(["operation": visible(op), "problem": "\(problem)"]))
            }
            let members = op.source.flatMap { s in items.first { $0.groupName == s }?.friendNumber } ?? 0
            entries.append(GroupOperationEntry(app: app, account: account, operation: op, members: members))
            names = op.apply(toNames: names)
        }
        return entries
    }

    func execute(_ runner: GroupOperationRunner, _ entries: [GroupOperationEntry]) async throws -> [GroupOperationReport] {
        do { return try await runner.run(entries, keepRefused: false) } catch let e as AuditUnavailable { throw refused("\(e)") } catch let e as ChatError {
            throw fail("\(e.description)\n\(e.hint)")
        } catch let e as JournalError { throw refused("\(e)") }
    }

    /// Prints what each operation would send, from a fresh read, and sends nothing.
    func dryRun(_ operations: [GroupOperation], client: ChatClient) async throws {
        let items = try await read { try await client.groupGet(account: account).resultItem ?? [] }
        let entries = try check(operations, groups: items, app: client.config.sdkAppID)
        for e in entries {
            Self.printPlan(try await read { try await GroupOperationPlan.fetch(client, account: account, e.operation) })
        }
        print(GroupText.cliNothingSent.text)
    }

    /// What one operation would send (the dry runs of `groups` and `apply`).
    static func printPlan(_ plan: GroupOperationPlan) {
        func list(_ groups: [String]) -> String { groups.isEmpty ? "-" : ServerText.visible(groups.joined(separator: ",")) }
        print(GroupText.cliDryRunHeader.text(["operation": ServerText.visible(plan.operation.summary)]))
        if let name = plan.create { print(GroupText.cliWouldAdd.text(["name": ServerText.visible(name)])) }
        for m in plan.moves {
            print(GroupText.cliWouldMove.text(["friend": ServerText.visible(m.friend), "old": list(m.old), "new": list(m.new)]))
        }
        if let name = plan.delete { print(GroupText.cliWouldDelete.text(["name": ServerText.visible(name)])) }
        if plan.done { print(GroupText.cliNothingToDo.text) }
    }

    func read<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let e as ChatError { throw fail("\(e.description)\n\(e.hint)") }
    }

    func visible(_ op: GroupOperation) -> String { ServerText.visible(op.summary) }
    func list(_ groups: [String]) -> String { groups.isEmpty ? "-" : ServerText.visible(groups.joined(separator: ",")) }

    /// Prints a refusal and exits 2.
    func refused(_ message: String) -> ExitCode {
        printError("contactdesk: \(message)")
        return ExitCode(2)
    }
}

import ChatAPI
import ContactDeskUI
import ContactEditing
import Foundation
import Logging
import Synchronization

/// The live parts effects run against: the API client, the journal, the audit log, the roster cache and
/// where exports go. The executable makes them from the configuration; tests make them against the emulator.
public struct AppEnvironment: Sendable {
    public var client: ChatClient
    public var journal: Result<Journal, JournalError>
    public var audit: Result<AuditLog, AuditUnavailable>
    public var cache: RosterCache?
    public var exportDirectory: URL

    public init(client: ChatClient, journal: Result<Journal, JournalError>, audit: Result<AuditLog, AuditUnavailable>,
                cache: RosterCache?, exportDirectory: URL) {
        self.client = client; self.journal = journal; self.audit = audit; self.cache = cache; self.exportDirectory = exportDirectory
    }
}

/// The loop: reads keys, feeds actions to the reducer, runs effects, draws, until the operator quits. The loop
/// owns the terminal on a thread of its own (ncurses blocks in get_wch); network effects run as tasks and post
/// their actions back through the inbox; every follow-up is reduced and its effects run, none is dropped.
public final class Runtime: @unchecked Sendable {
    public private(set) var state: AppState
    private let client: ChatClient
    private let terminal: TerminalDevice
    private let inbox: ActionInbox
    private let stopRequested = Atomic<Bool>(false)
    private let logger = Logger(label: "contactdesk.tui")
    private var loadTask: Task<Void, Never>?
    /// Numbers the roster loads; what an earlier load posts after a newer one started is dropped.
    private var loadID = 0

    private let journal: Result<Journal, JournalError>
    private let audit: Result<AuditLog, AuditUnavailable>
    private let cache: RosterCache?
    private let exportDirectory: URL

    public init(state: AppState, environment: AppEnvironment, terminal: TerminalDevice) {
        self.state = state; self.client = environment.client; self.terminal = terminal
        inbox = ActionInbox { [terminal] in terminal.wake() }
        journal = environment.journal; audit = environment.audit; cache = environment.cache; exportDirectory = environment.exportDirectory
    }

    /// A signal (SIGTERM, SIGHUP) asks the loop to stop; it restores the terminal on its way out.
    public func requestStop() { stopRequested.store(true, ordering: .relaxed) }

    /// The shortest time between two draws caused by effects alone (keys are drawn at once).
    static let minimumRedraw = Duration.milliseconds(50)

    /// Runs until the operator quits or a stop is requested.
    public func run() {
        defer { terminal.end() }
        let (w, h) = terminal.size
        _ = Reducer.reduce(&state, .resized(width: w, height: h))
        settle(Reducer.open(&state, state.account))
        terminal.draw(Screen.render(state))
        var lastTick = ContinuousClock.now
        var lastDraw = ContinuousClock.now
        while !state.quitting && !stopRequested.load(ordering: .relaxed) {
            let busy = state.load.isLoading || isChecking || state.submitting != nil
            var keys = terminal.readKeys(timeout: busy ? 100 : 500)
            // Woken by an effect soon after a draw: let more results gather first, so a load of many pages
            // repaints at most 20 times a second over a slow link. A key ends the wait at once.
            while keys.isEmpty, inbox.hasPending {
                let wait = Self.minimumRedraw - (ContinuousClock.now - lastDraw)
                guard wait > .zero else { break }
                keys = terminal.readKeys(timeout: max(1, Int(wait.components.attoseconds / 1_000_000_000_000_000)))
            }
            // Results first: they happened before the keys read just now (a key may open another account).
            var actions = Action.coalesced(inbox.drain(currentLoad: loadID))
            actions += keys.map { key in
                if key == .resize { let (w, h) = terminal.size; return .resized(width: w, height: h) }
                return .key(key)
            }
            if busy && ContinuousClock.now - lastTick >= .milliseconds(250) {
                actions.append(.tick)
                lastTick = .now
            }
            if actions.isEmpty { continue }
            // Each action's effects run before the next action is reduced: a journal write is answered before the
            // next key, so a refusal takes back exactly the edit it refused. An edit shows staged only once on disk.
            for action in actions { settle(Reducer.reduce(&state, action)) }
            terminal.draw(Screen.render(state))
            lastDraw = .now
        }
        loadTask?.cancel()
    }

    /// A submit session for an account, or nil after telling the screen why there cannot be one.
    private func session(for account: String) -> SubmitSession? {
        switch audit {
        case .success(let log):
            return SubmitSession(client: client, app: state.info.sdkAppID, account: account, audit: log, journal: try? journal.get())
        case .failure(let problem):
            inbox.post(.submitFailed(.audit(problem), account: account))
            return nil
        }
    }

    /// Runs effects, reduces the actions they give at once and runs those actions' effects in turn, until
    /// nothing is left: no follow-up is dropped. Bounded, because a reducer that kept asking would be a bug.
    func settle(_ effects: [Effect]) {
        var pending = effects
        var rounds = 0
        while !pending.isEmpty && rounds < 64 {
            rounds += 1
            let actions = perform(pending)
            pending = actions.flatMap { Reducer.reduce(&state, $0) }
        }
        if !pending.isEmpty { logger.error("effects still pending after 64 rounds", metadata: ["effects": "\(pending)"]) }
    }

    private var isChecking: Bool {
        if case .openAccount(_, _, true) = state.overlay { return true }
        return false
    }


    /// Runs effects: network ones as tasks that post back, local ones at once, returning their actions.
    private func perform(_ effects: [Effect]) -> [Action] {
        var now: [Action] = []
        for effect in effects {
            switch effect {
            case .quit: break
            case .saveChanges(let set, let previous):
                do {
                    try journal.get().save(set, replacing: previous, app: state.info.sdkAppID, account: state.account)
                } catch {
                    logger.error("journal", metadata: ["error": "\(error)"])
                    now.append(.saveFailed(Failure(error)))
                }
            case .discardJournal:
                do { try journal.get().discard(app: state.info.sdkAppID, account: state.account) } catch {
                    now.append(.saveFailed(Failure(error)))
                }
            case .export(let set):
                let file = ChangeSetFile(set: set, app: state.info.sdkAppID, account: state.account)
                let stamp = file.exportedAt.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
                let url = exportDirectory.appendingPathComponent("changeset-\(state.account)-\(stamp).json")
                do {
                    try FileManager.default.createDirectory(at: exportDirectory, withIntermediateDirectories: true)
                    try file.encoded().write(to: url, options: .atomic)
                    now.append(.exported(path: url.path))
                } catch {
                    now.append(.exportFailed(.file(path: url.path, reason: StatePathError.describe(error))))
                }
            case .submit(let entries):
                guard let session = session(for: state.account) else { break }
                let inbox = inbox, customKeys = state.customFields, account = state.account
                Task {
                    do {
                        // The session audits and settles the journal of its own account before the screen hears of it.
                        let report = try await session.submit(entries, customKeys: customKeys) { done, total in
                            inbox.post(.submitProgress(done: done, total: total, account: account))
                        }
                        if let problem = report.auditFailure { Logger(label: "contactdesk.audit").critical("audit", metadata: ["error": "\(problem)"]) }
                        inbox.post(.submitFinished(report, entries: entries, account: account))
                    } catch let error as ChatError {
                        inbox.post(.submitFailed(.chat(error), account: account))
                    } catch {
                        inbox.post(.submitFailed(Failure(error), account: account))
                    }
                }
            case .loadJournal(let account):
                let app = state.info.sdkAppID
                if let j = try? journal.get(), let set = try? j.load(app: app, account: account), !set.isEmpty {
                    let inFlight = (try? j.inFlight(app: app, account: account)) ?? []
                    if inFlight.isEmpty {
                        now.append(.journalLoaded(set, account: account))
                    } else if let session = session(for: account) {
                        // A submit died between send and reply: re-read those rows before offering anything.
                        let inbox = inbox, keys = state.customFields
                        Task {
                            do {
                                let (remaining, applied) = try await session.reconcile(set, customKeys: keys)
                                inbox.post(.journalLoaded(remaining, account: account))
                                inbox.post(.reconciled(applied: applied, stillInFlight: remaining.count, account: account))
                            } catch {
                                // Cannot tell yet: keep everything staged and in flight; the next start tries again.
                                inbox.post(.journalLoaded(set, account: account))
                                inbox.post(.reconcileFailed(Failure(error), account: account))
                            }
                        }
                    } else {
                        now.append(.journalLoaded(set, account: account))
                    }
                }
            case .loadRoster(let account, let full):
                loadTask?.cancel()
                loadID += 1
                let client = client, inbox = inbox, cache = cache, logger = logger, id = loadID
                let app = state.info.sdkAppID, endpoint = client.config.endpoint.baseURL
                // The saved list goes on screen in this same frame; the network only confirms or corrects it.
                let cached = full ? nil : cache?.load(app: app, endpoint: endpoint, account: account)
                if let cached { now.append(.rosterCached(cached.roster, savedAt: cached.savedAt)) }
                // Pages replace the rows only when there are none yet; a refresh swaps the list once, when complete.
                let showPages = cached == nil && state.friends.isEmpty
                loadTask = Task {
                    do {
                        let loader = RosterLoader(client: client)
                        let roster = if let cached {
                            try await loader.refresh(cached.roster)
                        } else {
                            try await loader.load(account: account) { progress in
                                guard showPages else { return }
                                switch progress {
                                case .page(let friends): inbox.post(.rosterPage(friends), load: id)
                                case .nicknames(let nicks): inbox.post(.nicknames(nicks), load: id)
                                }
                            }
                        }
                        do { try cache?.save(roster, app: app, endpoint: endpoint) } catch {
                            logger.warning("roster cache", metadata: ["error": "\(error)"])
                        }
                        inbox.post(.rosterLoaded(roster), load: id)
                    } catch is CancellationError {
                    } catch let error as ChatError {
                        inbox.post(.rosterFailed(.chat(error)), load: id)
                    } catch {
                        inbox.post(.rosterFailed(Failure(error)), load: id)
                    }
                }
            case .checkAccount(let id):
                let client = client, inbox = inbox
                Task {
                    do {
                        let result = try await client.accountCheck([id])
                        inbox.post(.accountChecked(id: id, exists: result.first?.isImported ?? false))
                    } catch {
                        inbox.post(.accountCheckFailed(Failure(error)))
                    }
                }
            }
        }
        return now
    }
}


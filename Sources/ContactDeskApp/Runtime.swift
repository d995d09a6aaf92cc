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
    // Internal, not private: the effect handlers (Runtime+Effects.swift) use them.
    let client: ChatClient
    let terminal: TerminalDevice
    let inbox: ActionInbox
    private let stopRequested = Atomic<Bool>(false)
    let logger = Logger(label: "contactdesk.tui")
    var loadTask: Task<Void, Never>?
    /// Numbers the roster loads; what an earlier load posts after a newer one started is dropped.
    var loadID = 0

    let journal: Result<Journal, JournalError>
    let audit: Result<AuditLog, AuditUnavailable>
    let cache: RosterCache?
    let exportDirectory: URL

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
    func session(for account: String) -> SubmitSession? {
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


}


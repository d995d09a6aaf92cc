import ChatAPI
import ContactDeskUI
import ContactEditing
import Foundation
import Logging

/// The effect handlers: one function per effect, each against the live parts of the environment. Local ones
/// (journal, export) run at once and return their actions; network ones run as tasks and post back.
extension Runtime {
    /// Runs effects, returning the actions the local ones gave at once.
    func perform(_ effects: [Effect]) -> [Action] {
        var now: [Action] = []
        for effect in effects {
            switch effect {
            case .quit: break
            case .copy(let text): if !terminal.copy(text) { now.append(.copyUnavailable) }
            case .saveChanges(let set, let previous): now += handleSaveChanges(set, previous: previous)
            case .discardJournal: now += handleDiscardJournal()
            case .export(let set): now += handleExport(set)
            case .submit(let entries, let groups): now += handleSubmit(entries, groups: groups)
            case .loadJournal(let account): now += handleLoadJournal(account)
            case .loadRoster(let account, let full): now += handleLoadRoster(account, full: full)
            case .checkAccount(let id): now += handleCheckAccount(id)
            case .readGroups(let account): now += handleReadGroups(account)
            }
        }
        return now
    }

    /// Writes a change-set edit to the journal, before the next draw; a refusal takes the edit back.
    func handleSaveChanges(_ set: ChangeSet, previous: ChangeSet) -> [Action] {
        var now: [Action] = []
        do {
            try journal.get().save(set, replacing: previous, app: state.info.sdkAppID, account: state.account)
        } catch {
            logger.error("journal", metadata: ["error": "\(error)"])
            now.append(.saveFailed(Failure(error)))
        }
        return now
    }

    /// Forgets the open account's staged entries on disk.
    func handleDiscardJournal() -> [Action] {
        var now: [Action] = []
        do { try journal.get().discard(app: state.info.sdkAppID, account: state.account) } catch {
            now.append(.saveFailed(Failure(error)))
        }
        return now
    }

    /// Writes the change set as a version-2 file in the export folder.
    func handleExport(_ set: ChangeSet) -> [Action] {
        var now: [Action] = []
        let file = ChangeSetFile(set: set, app: state.info.sdkAppID, account: state.account)
        let stamp = file.exportedAt.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        let url = exportDirectory.appendingPathComponent("changeset-\(state.account)-\(stamp).json")
        do {
            try FileManager.default.createDirectory(at: exportDirectory, withIntermediateDirectories: true)
            try file.encoded().write(to: url, options: .atomic)
            now.append(.exported(path: url.path))
        } catch {
            now.append(.exportFailed(.file(path: url.path, reason: StatePathError.reason(error))))
        }
        return now
    }

    /// Runs a SubmitSession for the open account as a task; its result names the account.
    func handleSubmit(_ entries: [ChangeEntry], groups: [GroupOperationEntry]) -> [Action] {
        guard let session = session(for: state.account) else { return [] }
        let inbox = inbox, customKeys = state.customFields, account = state.account
        Task {
            do {
                // The session audits and settles the journal of its own account before the screen hears of it.
                let report = try await session.submit(entries, groupOperations: groups, customKeys: customKeys) { done, total in
                    inbox.post(.submitProgress(done: done, total: total, account: account))
                }
                if let problem = report.auditFailure { Logger(label: "contactdesk.audit").critical("audit", metadata: ["error": "\(problem)"]) }
                inbox.post(.submitFinished(report, entries: entries, account: account))
            } catch {
                inbox.post(.submitFailed(Failure(error), account: account))
            }
        }
        return []
    }

    /// Offers the staged changes found for an account, reconciling rows of an interrupted submit first.
    func handleLoadJournal(_ account: String) -> [Action] {
        var now: [Action] = []
        let app = state.info.sdkAppID
        if let j = try? journal.get(), let set = try? j.load(app: app, account: account), !set.isEmpty {
            let inFlight = ((try? j.inFlight(app: app, account: account)) ?? []) + ((try? j.groupMovesInFlight(app: app, account: account)) ?? []).map(\.move.friend)
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
        return now
    }

    /// Shows the cached list at once and loads or refreshes it from the server as a task.
    func handleLoadRoster(_ account: String, full: Bool) -> [Action] {
        var now: [Action] = []
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
            } catch {
                inbox.post(.rosterFailed(Failure(error)), load: id)
            }
        }
        return now
    }

    /// Asks account_check whether a UserID exists before it is opened.
    func handleCheckAccount(_ id: String) -> [Action] {
        let client = client, inbox = inbox
        Task {
            do {
                let result = try await client.accountCheck([id])
                inbox.post(.accountChecked(id: id, exists: result.first?.isImported ?? false))
            } catch {
                inbox.post(.accountCheckFailed(Failure(error)))
            }
        }
        return []
    }

    /// group_get for an open form; a failure leaves the last list in place (the Stager checks again at submit).
    func handleReadGroups(_ account: String) -> [Action] {
        let client = client, inbox = inbox, logger = logger
        Task {
            do {
                let reply = try await client.groupGet(account: account, withFriends: false)
                inbox.post(.groupsRead(names: (reply.resultItem ?? []).map(\.groupName), account: account))
            } catch {
                logger.warning("group_get for a form", metadata: ["error": "\(error)"])
            }
        }
        return []
    }
}

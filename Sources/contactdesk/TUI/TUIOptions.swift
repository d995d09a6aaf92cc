import ArgumentParser
import ChatAPI
import ChatSandbox
import ContactDeskApp
import ContactDeskStrings
import ContactDeskUI
import ContactEditing
import CursesTerminal
import Foundation
import Logging

/// Options of the TUI (the `contactdesk` command without a subcommand).
struct TUIOptions: ParsableArguments {
    @Flag(name: .long, help: "Start the built-in emulator with demo data and open a demo account.") var demo = false
    @Option(name: .long, help: "The account to open (default: the demo account with --demo).") var account: String?
    @Option(name: .long, help: ArgumentHelp("Theme name or path to a .toml file (see `contactdesk themes`).", valueName: "name|path"))
    var theme: String?
    @Flag(name: .long, help: "Browse only: no editing, no submit (also read_only = true in a profile).") var readOnly = false
    @Flag(name: .long, help: "ASCII symbols only: borders, markers, arrows and the ellipsis (also ascii = true in config.toml; automatic when the locale is not UTF-8). Data keeps its characters.")
    var ascii = false
    @Option(name: .long, help: ArgumentHelp("Colours to draw with: 0, 8, 256 or 24bit (default: colors in config.toml, then COLORTERM, then the terminfo entry).",
                                            valueName: "0|8|256|24bit"))
    var colors: ColorDepthArgument?
    @Flag(name: .long, help: "For terminals that draw East Asian ambiguous characters (·, …, ─, →) two cells wide: draw them as ASCII (also ambiguous_width = 2 in config.toml).")
    var ambiguousWide = false
    @Option(name: .customLong("import"), help: ArgumentHelp("Stage the changes of an exported change-set file, or of a friend CSV edited in a spreadsheet (with --account; docs/CSV.md), for review.", valueName: "file"))
    var importFile: String?
    @Option(name: .long, help: ArgumentHelp("An imported CSV's encoding: utf-8 or gb18030 (default: detected).", valueName: "name"))
    var encoding: String?
}

/// `--colors 0|8|256|24bit`.
struct ColorDepthArgument: ExpressibleByArgument {
    let depth: ColorDepth
    init?(argument: String) {
        guard let d = ColorDepth(argument: argument) else { return nil }
        depth = d
    }
    static var allValueStrings: [String] { ColorDepth.allCases.map(\.rawValue) }
}

/// Starts the TUI: wiring only.
enum TUILauncher {
    static func run(_ options: TUIOptions, connection: ConnectionOptions, startupProblems: [String] = []) async throws {
        // glibc gives each thread that allocates its own arena, and every transfer runs on a thread of its own;
        // two arenas keep freed pages reusable instead of spread over many (about 2 MB less at 10,000 friends).
        _ = glibcMallopt(-8 /* M_ARENA_MAX, malloc.h */, 2)
        // Before anything starts: a terminal that cannot draw the screen ends here with exit 2 and the reason.
        var terminalNote: String?
        switch CursesTerminal.checkTerminal() {
        case .unusable(let why): throw ValidationError(why)
        case .usable(let note): terminalNote = note
        }
        if options.ascii { Glyphs.choose(ascii: true) }
        let configDir = StatePaths.configDirectory()
        let uiConfig = UIConfig.load(configDir.appendingPathComponent("config.toml"))
        // TERM may change for the colours asked for: before any other thread (the emulator, libcurl) runs, and
        // only when colour is drawn at all.
        let noColorAsked = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let depth = ColorDepth.wanted(flag: options.colors?.depth, config: uiConfig.colors, environment: ProcessInfo.processInfo.environment)
        let colorNote = noColorAsked ? nil : CursesTerminal.prepareColors(depth)
        let logger = Logger(label: "contactdesk.tui")
        var sandbox: SandboxServer?
        var profile: Profile?
        let client: ChatClient
        var info: AppInfo
        var account: String
        if options.demo {
            let server = try await SandboxServer(SandboxConfig(key: SecretKey(DemoSeed.key)))
            sandbox = server
            let endpoint = try Endpoint(baseURL: server.url)
            client = ChatClient(config: ChatClientConfig(endpoint: endpoint, sdkAppID: server.sdkAppID, adminIdentifier: server.admin),
                                userSigs: KeyUserSigSource(key: SecretKey(DemoSeed.key), sdkAppID: server.sdkAppID, identifier: server.admin),
                                logger: Logger(label: "contactdesk.chat"))
            info = AppInfo(sdkAppID: server.sdkAppID, endpoint: UIText.demoEndpoint.text(["address": server.url.replacingOccurrences(of: "http://", with: "")]))
            account = options.account ?? DemoSeed.defaultAccount
        } else {
            profile = try connection.loadProfile()
            guard let a = options.account else {
                throw ValidationError(CLIText.openMissingAccount.text)
            }
            client = try connection.makeClient(profile: profile)
            info = AppInfo(sdkAppID: client.config.sdkAppID, endpoint: client.config.endpoint.baseURL.replacingOccurrences(of: "https://", with: ""))
            account = a
        }

        // Theme: flag, then config, then default; NO_COLOR or a colourless terminal draws attributes only.
        let loader = ThemeLoader.standard(configDirectory: configDir)
        var problems = startupProblems + uiConfig.problems
        var theme = Theme.fallback
        let wanted = options.theme ?? profile?.theme ?? uiConfig.theme ?? "default"
        do { theme = try loader.load(wanted) } catch {
            problems.append(CLIText.openThemeFallback.text(["error": "\(error)"]))
            theme = (try? loader.load("default")) ?? .fallback
        }
        if noColorAsked { theme = theme.withoutColor }
        let readOnly = options.readOnly || (profile?.readOnly ?? false)
        info.readOnly = readOnly
        let keyMap = KeyMap(overrides: uiConfig.keys, readOnly: readOnly)
        problems += keyMap.problems
        if let terminalNote { problems.insert(terminalNote, at: 0) }

        var state = AppState(info: info, account: account, keyMap: keyMap)  // the runner opens the account
        if !problems.isEmpty {
            state.startupProblems = problems.joined(separator: Glyphs.g(" · "))
            problems.forEach { logger.warning("\($0)") }
        }
        let stateDir = StatePaths.stateDirectory()
        let journal: Result<Journal, JournalError>
        do { journal = .success(try Journal(url: stateDir.appendingPathComponent("journal.sqlite"))) } catch let e as JournalError {
            journal = .failure(e)
            state.startupProblems = [state.startupProblems, e.message].compactMap { $0 }.joined(separator: Glyphs.g(" · "))
        }
        if let path = options.importFile {
            // Imported entries join the journal, so the start-up prompt offers them like any staged work.
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError(CLIText.fileUnreadable.text(["file": "--import \(path)"]))
            }
            if CSVImport.isCSV(data) {
                let configured = Set(options.demo ? DemoSeed.customFields : profile?.customFields ?? [])
                try await stageCSV(data, path: path, encoding: options.encoding, client: client, account: account, configured: configured,
                                   journal: try journal.get())
            } else {
            let file: ChangeSetFile
            do { file = try ChangeSetFile.read(data, expectingApp: info.sdkAppID) } catch {
                throw ValidationError("--import " + error.message(path: path))
            }
            // The same checks as apply's offline pass; friendship and the group limit are checked again at submit.
            let configured = Set(options.demo ? DemoSeed.customFields : profile?.customFields ?? [])
            var problems = Stager(configuredFields: configured).problems(file.entries).map { "\($0)" }
            // Group operations: their names now; the groups they need are checked against the server at submit.
            for e in file.groupOperations {
                var known = [e.operation.source].compactMap { $0 }
                if case .merge(_, let into) = e.operation { known.append(into) }
                if let p = e.operation.problem(groups: known), !p.isLimit {
                    problems.append(GroupText.cliProblem.text(["operation": e.operation.summary, "problem": "\(p)"]))
                }
            }
            if !problems.isEmpty {
                throw ValidationError((problems.map { CLIText.fileProblem.text(["file": "--import \(path)", "problem": "\($0)"]) } + [CLIText.importRefused.text(["path": path])]).joined(separator: "\n"))
            }
            if options.account != nil && file.account != account {
                throw ValidationError(CLIText.importWrongAccount.text(["path": path, "fileAccount": file.account, "account": account]))
            }
            account = file.account
            state.account = account
            let j = try journal.get()
            let existing = try j.load(app: info.sdkAppID, account: account)
            var merged = existing
            for e in file.groupOperations { merged.stage(e) }
            for e in file.changeSet.sorted { merged.stage(e.key, base: e.base, intent: e.intent) }
            try j.save(merged, replacing: existing, app: info.sdkAppID, account: account)
            }
        }
        state.configuredFields = Set(options.demo ? DemoSeed.customFields : profile?.customFields ?? [])
        if let note = colorNote {
            state.startupProblems = [state.startupProblems, note].compactMap { $0 }.joined(separator: Glyphs.g(" · "))
        }
        let terminal = CursesTerminal(theme: theme, useColor: !theme.monochrome, ambiguousWide: options.ambiguousWide || uiConfig.ambiguousWidth == 2,
                                      depth: depth)
        logger.info("terminal", metadata: ["colors": "\(terminal.depth)", "theme": "\(theme.name)", "TERM": "\(ProcessInfo.processInfo.environment["TERM"] ?? "")"])
        // Without an audit log nothing is submitted: the TUI still opens (browsing and staging work) and says why.
        let audit: Result<AuditLog, AuditUnavailable>
        do { audit = .success(try SubmitSession.openAudit(stateDir.appendingPathComponent("audit.sqlite"))) } catch let e as AuditUnavailable {
            audit = .failure(e)
            state.startupProblems = [state.startupProblems, e.description].compactMap { $0 }.joined(separator: Glyphs.g(" · "))
        }
        // The demo emulator starts afresh each time, so a list saved by an earlier demo would only mislead.
        let cache = options.demo ? nil : try? RosterCache(url: RosterCache.defaultURL())
        let environment = AppEnvironment(client: client, journal: journal, audit: audit, cache: cache,
                                         exportDirectory: stateDir.appendingPathComponent("exports"))
        let runner = Runtime(state: state, environment: environment, terminal: terminal)
        let signals = SignalWatcher([SIGTERM, SIGHUP, SIGINT]) { runner.requestStop() }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                runner.run()
                done.resume()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        signals.cancel()
        // The demo emulator lives in memory and ends with the process; waiting for its graceful shutdown could
        // hang on a client connection that is still open after the terminal went away (SIGHUP).
        _ = sandbox
    }
}

/// glibc's mallopt; malloc.h is not part of the Glibc module.
@_silgen_name("mallopt") private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32

import ArgumentParser
import ChatAPI
import Foundation

/// The `contactdesk` command: wiring only; the work lives in the libraries.
@main
struct ContactDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contactdesk",
        abstract: "Edit a Tencent Cloud Chat user's friend list from the terminal.",
        discussion: """
        Without a subcommand, opens the friend-list screen: `contactdesk --demo` on the built-in emulator, or
        `contactdesk --account ID --region R --sdkappid N --admin ADMIN` on a real app. The secret key never comes
        from the command line: set \(KeyLoader.variable) or pass --key-file PATH (a file only its owner can read).
        Logs go to $XDG_STATE_HOME/contactdesk/contactdesk.log.
        The screen's own options (contactdesk [open]): --demo (the built-in emulator with demo data), --account ID,
        --read-only (browse only), --theme NAME|PATH, --import FILE (stage an exported change set for review),
        --ascii, --colors 0|8|256|24bit, --ambiguous-wide, and --profile, --region, --sdkappid, --admin, --key-file
        for the connection; `contactdesk open --help` lists them all. Every command takes --lang en|zh (English or
        Simplified Chinese; default: language in config.toml, then LC_ALL, LC_MESSAGES, LANG).
        """,
        version: ContactDeskVersion.string,
        subcommands: [OpenCommand.self, UsersigCommand.self, SandboxCommand.self, FriendsCommand.self, GroupsCommand.self, ThemesCommand.self, AuditCommand.self, ApplyCommand.self, ErrorsCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Runs the command; usage and configuration errors exit with 2, the usual status for them.
    /// Wrong usage (parsing) shows the usage; a problem found while running (a missing file, a bad profile) shows
    /// only what is wrong and how to fix it, since the usage was right.
    static func main() async {
        var command: ParsableCommand
        do { command = try parseAsRoot() } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError("contactdesk: " + message(for: error))
                Foundation.exit(2)
            }
            // An exit status the command chose (it has printed its lines) or a clean exit: as ArgumentParser does.
            if error is ExitCode || exitCode(for: error) == .success { exit(withError: error) }
            // Anything else (a ChatError with the service's text) through the sanitiser, never ArgumentParser's raw print.
            printError("contactdesk: " + message(for: error))
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }
}

/// `contactdesk [open]`: the friend-list screen; the default when no subcommand is given.
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open an account's friend list in the terminal UI (the default command).")

    @OptionGroup var tui: TUIOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let problems = global.start(report: false)
        try await TUILauncher.run(tui, connection: connection, startupProblems: problems)
    }
}

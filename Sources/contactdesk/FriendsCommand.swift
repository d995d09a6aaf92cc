import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactDeskUI
import ContactEditing
import Foundation

/// `contactdesk friends …`: friend-list commands without the TUI.
struct FriendsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "friends", abstract: "Read friend lists without the TUI.",
                                                    subcommands: [FriendsListCommand.self])
}

/// `contactdesk friends list`: a whole friend list with nicknames.
struct FriendsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Print an account's friends with nicknames, remarks, groups and custom fields.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Option(name: .long, help: "The account whose friends to list.") var account: String
    @Option(name: .long, help: "Output format: table, json or csv (read back by `apply FILE.csv`, docs/CSV.md).") var format: Format = .table
    @Flag(name: .long, help: "csv: start with a UTF-8 byte-order mark, for spreadsheets that need one to read UTF-8.") var bom = false
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        global.start()
        let profile = try connection.loadProfile()
        let client = try connection.makeClient(profile: profile)
        // Table and CSV rows go out page by page as they arrive; JSON is one document, written at the end.
        let stream: FriendRowStream? = switch format {
        case .json: nil
        case .table: FriendRowStream(format: .table, bom: false, configured: profile?.customFields ?? [])
        case .csv: FriendRowStream(format: .csv, bom: bom, configured: profile?.customFields ?? [])
        }
        let roster: Roster
        do {
            roster = try await RosterLoader(client: client).load(account: account) { progress in await stream?.take(progress) }
        } catch let error as ChatError {
            throw fail(error.description)
        }
        guard let stream else { print(FriendListFormatter.json(roster)); return }
        if await stream.printed == 0 {
            // No friend: the header alone.
            if format == .csv { print(FriendCSV.write([], customFields: profile?.customFields ?? [], bom: bom), terminator: "") }
            else { print(FriendListFormatter.headings(customFields: profile?.customFields ?? []).joined(separator: "  ")) }
        }
        if format == .table { print(ConfigText.tableFooter.text(["count": roster.friends.count, "account": roster.account])) }
        let late = await stream.lateFields
        if !late.isEmpty { printError("contactdesk: " + CLIText.lateCustomFields.text(["fields": late.sorted().joined(separator: ", ")])) }
    }
}

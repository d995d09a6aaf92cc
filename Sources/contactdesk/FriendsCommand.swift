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
        let client = try connection.makeClient()
        let roster: Roster
        do { roster = try await RosterLoader(client: client).load(account: account) } catch let error as ChatError {
            throw fail(error.description)
        }
        switch format {
        case .table: print(FriendListFormatter.table(roster), terminator: "")
        case .json: print(FriendListFormatter.json(roster))
        case .csv: print(FriendListFormatter.csv(roster, bom: bom), terminator: "")
        }
    }
}

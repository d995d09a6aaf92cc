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
    @Option(name: .long, help: "Output format: table, json or csv.") var format: Format = .table
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
        case .table: print(Self.table(roster), terminator: "")
        case .json: print(FriendListFormatter.json(roster))
        case .csv: print(FriendListFormatter.csv(roster), terminator: "")
        }
    }

    /// The human table: FriendListFormatter's layout (columns aligned by display width, CJK and emoji counting
    /// two, each at most 32 wide) under headings in the operator's language. UserID and the custom field names
    /// are protocol names and stay; json and csv keep their English field names for scripts.
    static func table(_ roster: Roster) -> String {
        let head = ["UserID", CLIText.friendsHeadingNickname.text, CLIText.friendsHeadingRemark.text, CLIText.friendsHeadingGroups.text]
            + roster.customFields
        let rows: [[String]] = roster.friends.map { f in
            [f.id, f.nickname, f.remark, f.groups.joined(separator: ", ")] + roster.customFields.map { f.custom[$0] ?? "" }
        }
        let widths = head.indices.map { i in min(32, ([head[i]] + rows.map { $0[i] }).map { DisplayWidth.of($0) }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { DisplayWidth.pad($0, to: $1) }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = line(head) + "\n"
        for r in rows { out += line(r) + "\n" }
        out += CLIText.friendsCount.text(["count": roster.friends.count, "account": roster.account]) + "\n"
        return out
    }
}

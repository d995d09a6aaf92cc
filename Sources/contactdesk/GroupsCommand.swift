import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactDeskUI
import ContactEditing
import Foundation

/// `contactdesk groups …`: an account's friend groups without the TUI.
struct GroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups", abstract: "List, create, delete, rename and merge an account's friend groups.",
        discussion: """
        Names are checked before any call (1 to 30 bytes of UTF-8, not already there, at most 32 groups). A rename, \
        merge or delete moves every member with friend_update first and deletes the old group only when it is empty; \
        one killed half way is finished by the next groups command for the account. Every change is audited. \
        Exit status: 0 all done, 1 refused by the service (e.g. 30011), 2 usage or configuration errors.
        """,
        subcommands: [GroupsListCommand.self, GroupsAddCommand.self, GroupsDeleteCommand.self, GroupsRenameCommand.self, GroupsMergeCommand.self])
}

/// `contactdesk groups list`: the groups in the service's order with their member counts.
struct GroupsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print an account's friend groups with member counts.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(name: .long, help: "The account whose groups to list.") var account: String
    @Option(name: .long, help: "Output format: table or json.") var format: Format = .table
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        global.start()
        let client = try connection.makeClient()
        let items: [GroupItem]
        do { items = try await client.groupGet(account: account).resultItem ?? [] } catch let error as ChatError {
            throw fail("\(error.description)\n\(error.hint)")
        }
        switch format {
        case .json:
            struct Row: Encodable { let name: String; let friends: Int }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let rows = items.map { Row(name: $0.groupName, friends: $0.friendNumber ?? 0) }
            print(ServerText.jsonSafe(String(decoding: try encoder.encode(rows), as: UTF8.self)))
        case .table:
            guard !items.isEmpty else { print(GroupText.cliNoGroups.text(["account": ServerText.visible(account)])); return }
            let names = items.map { ServerText.visible($0.groupName) }
            let width = max(DisplayWidth.of(GroupText.cliListHeadingGroup.text), names.map(DisplayWidth.of).max() ?? 0)
            print(DisplayWidth.pad(GroupText.cliListHeadingGroup.text, to: width) + "  " + GroupText.cliListHeadingFriends.text)
            for (name, item) in zip(names, items) { print(DisplayWidth.pad(name, to: width) + "  \(item.friendNumber ?? 0)") }
        }
    }
}

/// The options every changing `groups` command takes.
struct GroupWriteOptions: ParsableArguments {
    @Option(name: .long, help: "The account whose groups to change.") var account: String
    @Flag(name: .long, help: "Print what would be sent and the friends affected; send nothing.") var dryRun = false
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var global: GlobalOptions
}

struct GroupsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create empty friend groups.")
    @Argument(help: "Names of the groups to create.") var names: [String] = []
    @OptionGroup var options: GroupWriteOptions
    func run() async throws { try await GroupWriter(options: options).run(names.map(GroupOperation.create)) }
}

struct GroupsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete friend groups; their members stay friends and leave the group first.")
    @Argument(help: "Names of the groups to delete.") var names: [String] = []
    @OptionGroup var options: GroupWriteOptions
    func run() async throws { try await GroupWriter(options: options).run(names.map(GroupOperation.delete)) }
}

struct GroupsRenameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Rename a group: move every member to the new name (in place), then delete the old one.")
    @Argument(help: "The group's name now.") var old: String
    @Argument(help: "Its new name (not an existing group; to join two groups, use merge).") var new: String
    @OptionGroup var options: GroupWriteOptions
    func run() async throws { try await GroupWriter(options: options).run([.rename(from: old, to: new)]) }
}

struct GroupsMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge a group into another: move every member of FROM into INTO, then delete FROM.")
    @Argument(help: "The group that goes away.") var from: String
    @Argument(help: "The existing group its members join.") var into: String
    @OptionGroup var options: GroupWriteOptions
    func run() async throws { try await GroupWriter(options: options).run([.merge(from: from, into: into)]) }
}

import ArgumentParser
import ChatAPI

/// The `contactdesk` command: wiring only; the work lives in the libraries.
@main
struct ContactDesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contactdesk",
        abstract: "Edit a Tencent Cloud Chat user's friend list from the terminal.",
        discussion: """
        The secret key never comes from the command line: set \(KeyLoader.variable) or pass --key-file PATH
        (a file only its owner can read). Logs go to $XDG_STATE_HOME/contactdesk/contactdesk.log.
        """,
        version: ContactDeskVersion.string,
        subcommands: [UsersigCommand.self, SandboxCommand.self, FriendsCommand.self]
    )
}

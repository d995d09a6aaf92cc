import ArgumentParser
import ChatAPI
import ContactDeskStrings
import Foundation

/// `contactdesk usersig`: make a UserSig, or explain why one is refused.
struct UsersigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usersig",
        abstract: "Print a UserSig for an identifier, or verify one.",
        discussion: """
        Generating prints the UserSig on standard output. With --verify, prints what the UserSig holds and exits 0
        when it is valid, or prints why it is refused and exits 1. Pass --verify - to read the UserSig from standard
        input, which keeps it out of the process list.
        """
    )

    @Option(name: .long, help: "The app's SDKAppID.") var sdkappid: UInt64
    @Option(name: .long, help: "The UserID the UserSig is for (an administrator for REST calls).") var identifier: String
    // Unconditional, so "--expire -5" reaches validate() and is refused for what it is, not as a missing value.
    @Option(name: .long, parsing: .unconditional, help: "Validity in seconds when generating.") var expire: Int64 = 86_400
    @Option(name: .long, help: ArgumentHelp("Check this UserSig instead of making one ('-' reads standard input).",
                                            valueName: "usersig"))
    var verify: String?
    @OptionGroup var key: KeyOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard expire > 0 else { throw ValidationError(CLIText.usersigExpireNotPositive.text(["value": expire])) }
        guard !identifier.isEmpty, identifier.utf8.count <= 32 else {
            throw ValidationError(CLIText.usersigIdentifierLength.text(["bytes": identifier.utf8.count]))
        }
    }

    func run() throws {
        global.start()
        let secret = try key.load()
        guard var sig = verify else {
            // The one output meant to carry a secret: written as it is, past the redacting print.
            FileHandle.standardOutput.write(Data((UserSig.generate(key: secret, sdkAppID: sdkappid, identifier: identifier, expire: expire) + "\n").utf8))
            return
        }
        if sig == "-" { sig = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces) }
        do {
            let claims = try UserSig.verify(sig, key: secret, sdkAppID: sdkappid, identifier: identifier)
            let until = Date(timeIntervalSince1970: TimeInterval(claims.expiresAt)).formatted(.iso8601)
            print(CLIText.usersigValid.text(["identifier": claims.identifier, "sdkAppID": claims.sdkAppID, "until": until]))
        } catch {
            printError(CLIText.usersigInvalid.text(["code": error.apiCode, "reason": "\(error)"]))
            throw ExitCode(1)
        }
    }
}

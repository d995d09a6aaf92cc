import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactEditing
import Foundation
import Logging

/// Where and as whom to call the REST API: a profile of config.toml, connection flags, or both (flags win).
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A [profiles.NAME] table of $XDG_CONFIG_HOME/contactdesk/config.toml.", valueName: "name"))
    var profile: String?
    @Option(name: .long, help: ArgumentHelp("Base URL of the API, e.g. http://127.0.0.1:8080 for the emulator.", valueName: "url"))
    var endpoint: String?
    @Option(name: .long, help: "Region of the app (\(Region.allCases.map(\.rawValue).joined(separator: ", "))).")
    var region: String?
    @Option(name: .long, help: "The app's SDKAppID.") var sdkappid: UInt64?
    @Option(name: .long, help: "The app administrator the calls are made as.") var admin: String?
    @Option(name: .long, help: ArgumentHelp("A PEM file of CAs to trust for TLS.", valueName: "path")) var caFile: String?
    @OptionGroup var key: KeyOptions

    /// The profile named by --profile, if any.
    func loadProfile() throws -> Profile? {
        guard let profile else { return nil }
        do { return try ProfileLoader.load(StatePaths.configDirectory().appendingPathComponent("config.toml"), name: profile) } catch {
            throw ValidationError(error.description)
        }
    }

    /// A client for these settings, or a ValidationError naming what is missing and how to give it.
    func makeClient() throws -> ChatClient { try makeClient(profile: loadProfile()) }

    /// The same with the profile already loaded, so config.toml is read once.
    func makeClient(profile p: Profile?) throws -> ChatClient {
        guard let sdkappid = sdkappid ?? p?.sdkAppID else { throw ValidationError(CLIText.connectionMissingSDKAppID.text) }
        guard let admin = admin ?? p?.admin, !admin.isEmpty else { throw ValidationError(CLIText.connectionMissingAdmin.text) }
        var target: Endpoint
        do {
            switch (endpoint, region) {
            case (let url?, nil): target = try Endpoint(baseURL: url)
            case (nil, let name?): target = try Endpoint(regionName: name)
            case (nil, nil):
                guard let e = p?.endpoint else { throw ValidationError(CLIText.connectionMissingEndpoint.text) }
                target = e
            default: throw ValidationError(CLIText.connectionEndpointAndRegion.text)
            }
        } catch let error as EndpointError {
            throw ValidationError(error.description)
        }
        let userSigs: UserSigSource
        switch (key.keyFile, p?.credentials) {
        case (nil, .userSigCommand(let command)?):
            userSigs = CommandUserSigSource(command: command)
        case (nil, .keyFile(let path)?):
            userSigs = KeyUserSigSource(key: try KeyOptions(keyFile: path).load(), sdkAppID: sdkappid, identifier: admin)
        case (nil, .environment(let variable)?):
            guard let text = ProcessInfo.processInfo.environment[variable], !SecretKey(text).isEmpty else {
                throw ValidationError(CLIText.connectionKeyVariableUnset.text(["profile": p!.name, "variable": variable]))
            }
            userSigs = KeyUserSigSource(key: SecretKey(text), sdkAppID: sdkappid, identifier: admin)
        default:
            userSigs = KeyUserSigSource(key: try key.load(), sdkAppID: sdkappid, identifier: admin)
        }
        var config = ChatClientConfig(endpoint: target, sdkAppID: sdkappid, adminIdentifier: admin)
        // The client's default unless the profile sets one (validated there: 1 to 64).
        if let reads = p?.readConcurrency { config.readConcurrency = reads }
        return ChatClient(
            config: config,
            userSigs: userSigs,
            transport: CurlTransport(options: .init(caFile: caFile)),
            logger: Logger(label: "contactdesk.chat"))
    }
}

/// Prints an error the operator can act on and exits 1.
func fail(_ message: String) -> ExitCode {
    printError("contactdesk: \(message)")
    return ExitCode(1)
}

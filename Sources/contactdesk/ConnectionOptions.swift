import ArgumentParser
import ChatAPI
import Foundation
import Logging

/// Where and as whom to call the REST API: connection flags (a profile comes with the config issue).
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Base URL of the API, e.g. http://127.0.0.1:8080 for the emulator.", valueName: "url"))
    var endpoint: String?
    @Option(name: .long, help: "Region of the app (\(Region.allCases.map(\.rawValue).joined(separator: ", "))).")
    var region: String?
    @Option(name: .long, help: "The app's SDKAppID.") var sdkappid: UInt64?
    @Option(name: .long, help: "The app administrator the calls are made as.") var admin: String?
    @Option(name: .long, help: ArgumentHelp("A PEM file of CAs to trust for TLS.", valueName: "path")) var caFile: String?
    @OptionGroup var key: KeyOptions

    /// A client for these settings, or a ValidationError naming what is missing and how to give it.
    func makeClient() throws -> ChatClient {
        guard let sdkappid else { throw ValidationError("missing --sdkappid N (the app's SDKAppID from the Chat console)") }
        guard let admin, !admin.isEmpty else { throw ValidationError("missing --admin ID (an app administrator's UserID)") }
        let target: Endpoint
        do {
            switch (endpoint, region) {
            case (let url?, nil): target = try Endpoint(baseURL: url)
            case (nil, let name?): target = try Endpoint(regionName: name)
            case (nil, nil): throw ValidationError("missing --endpoint URL or --region NAME")
            default: throw ValidationError("give either --endpoint or --region, not both")
            }
        } catch let error as EndpointError {
            throw ValidationError(error.description)
        }
        let secret = try key.load()
        return ChatClient(
            config: ChatClientConfig(endpoint: target, sdkAppID: sdkappid, adminIdentifier: admin),
            userSigs: KeyUserSigSource(key: secret, sdkAppID: sdkappid, identifier: admin),
            transport: CurlTransport(options: .init(caFile: caFile)),
            logger: Logger(label: "contactdesk.chat"))
    }
}

/// Prints an error the operator can act on and exits 1.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("contactdesk: \(message)\n".utf8))
    return ExitCode(1)
}

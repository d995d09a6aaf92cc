import ArgumentParser
import ChatAPI
import ChatSandbox
import ContactDeskStrings
import Foundation

/// `contactdesk sandbox`: the Chat REST API emulator on its own.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the Chat REST API emulator (loopback by default) until interrupted.",
        discussion: """
        Prints the URL it listens on as its first line. Without a key from \(KeyLoader.variable) or --key-file it uses the
        public demo key, so `contactdesk usersig` and `friends list` work with the same environment.
        Faults are COMMAND:KIND[@RATE|xCOUNT] with KIND one of latency=MS, http502, drop, drop-after, malformed,
        code=N, row=N[/ID+ID]; e.g. --fault sns/friend_update:code=30008x2. They can also be changed at run time
        through the emulator-only endpoint /_sandbox/faults (see docs/SANDBOX.md).
        """
    )

    @Option(name: .long, help: ArgumentHelp("Address to listen on; port 0 picks a free port.", valueName: "host:port"))
    var listen: String = "127.0.0.1:0"
    @Option(name: .long, help: "The emulated app's SDKAppID.") var sdkappid: UInt64 = DemoSeed.sdkAppID
    @Option(name: .long, help: "The app administrator's UserID.") var admin: String = DemoSeed.admin
    @Option(name: .long, help: "Initial data: demo (accounts with 0 to 3000 friends), stress (demo and demo_big with 10,000 friends) or empty.") var seed: SandboxConfig.Seed = .demo
    @Option(name: .customLong("custom-field"), help: ArgumentHelp("A custom friend field to configure (letters, ≤ 8 bytes).", valueName: "name"))
    var customFields: [String] = []
    @Option(name: .long, help: ArgumentHelp("Restore from and save to this JSON file.", valueName: "file")) var state: String?
    @Option(name: .customLong("fault"), help: ArgumentHelp("Inject a fault (repeatable).", valueName: "spec")) var faults: [String] = []
    @Flag(name: .long, help: "Let concurrent writes to one account through instead of answering 30008.") var noSerializeWrites = false
    @Option(name: .long, help: "Calls per second per command before 60007 (0: no limit).") var rateLimit: Int = 200
    @OptionGroup var key: KeyOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        global.start()
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError(CLIText.sandboxListenFormat.text(["value": listen]))
        }
        let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let secret: SecretKey
        if key.keyFile != nil || ProcessInfo.processInfo.environment[KeyLoader.variable] != nil {
            secret = try key.load()
        } else {
            secret = SecretKey(DemoSeed.key)
            printError(CLIText.sandboxDemoKey.text)
        }
        let rules: [FaultRule]
        do { rules = try faults.map(FaultRule.parse) } catch { throw ValidationError("\(error)") }
        let config = SandboxConfig(host: host, port: port, sdkAppID: sdkappid, admin: admin, key: secret, seed: seed,
                                   customFields: customFields, statePath: state.map { URL(fileURLWithPath: $0) }, faults: rules,
                                   serializeWrites: !noSerializeWrites, rateLimit: rateLimit)
        let server: SandboxServer
        do { server = try await SandboxServer(config) } catch { throw fail("\(error)") }
        // Written straight to fd 1, unbuffered, so a parent reading the first line gets it at once.
        FileHandle.standardOutput.write(Data((server.url + "\n").utf8))
        let running = seed == .demo
            ? CLIText.sandboxRunningDemo.text(["sdkAppID": server.sdkAppID, "admin": server.admin,
                                               "accounts": DemoSeed.accounts.map(\.id).joined(separator: ", ")])
            : CLIText.sandboxRunning.text(["sdkAppID": server.sdkAppID, "admin": server.admin])
        printError(running)
        await SignalWatcher.waitForInterrupt()
        await server.stop()
    }
}

extension SandboxConfig.Seed: ExpressibleByArgument {}


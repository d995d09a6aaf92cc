import ChatAPI
import Foundation

/// How to start an emulator.
public struct SandboxConfig: Sendable {
    /// `stress` is the demo data plus demo_big with 10,000 friends, beyond the API's 3000, for benchmarks.
    public enum Seed: String, Sendable, CaseIterable { case demo, empty, stress }

    /// Host and port to listen on; port 0 picks a free one.
    public var host: String
    public var port: Int
    public var sdkAppID: UInt64
    public var admin: String
    /// The app's secret key, used to verify UserSigs.
    public var key: SecretKey
    public var seed: Seed
    /// Custom friend fields to configure besides the seed's.
    public var customFields: [String]
    /// A JSON file the state is restored from and saved to after every write.
    public var statePath: URL?
    public var faults: [FaultRule]
    /// Answer 30008 to a write for an account that already has one in flight.
    public var serializeWrites: Bool
    /// Calls per second per command before 60007; 0 turns the limit off.
    public var rateLimit: Int
    /// The window the rate limit counts in: the service's second; tests widen it so a loaded machine cannot
    /// spread a burst over two windows.
    public var rateWindow: Duration = .seconds(1)
    /// Keep every applied friend_update value (`SandboxServer.textWrites()`), for campaigns that check no row was
    /// written twice. Off by default: the demo and `contactdesk sandbox` run for hours and must not grow with it.
    public var logWrites = false

    public init(host: String = "127.0.0.1", port: Int = 0, sdkAppID: UInt64 = DemoSeed.sdkAppID, admin: String = DemoSeed.admin,
                key: SecretKey, seed: Seed = .demo, customFields: [String] = [], statePath: URL? = nil,
                faults: [FaultRule] = [], serializeWrites: Bool = true, rateLimit: Int = 200) {
        self.host = host; self.port = port; self.sdkAppID = sdkAppID; self.admin = admin; self.key = key
        self.seed = seed; self.customFields = customFields; self.statePath = statePath; self.faults = faults
        self.serializeWrites = serializeWrites; self.rateLimit = rateLimit
    }

    /// Checks custom field keys: letters only, at most 8 bytes.
    func validate() throws {
        for key in customFields where key.isEmpty || key.utf8.count > Limits.customKeyBytes || !key.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw SandboxConfigError("custom field \"\(key)\" must be 1 to \(Limits.customKeyBytes) ASCII letters (it becomes Tag_SNS_Custom_\(key))")
        }
    }

    /// The state to start from: the state file when it exists, else the seed.
    func initialState() throws -> SandboxState {
        if let statePath, FileManager.default.fileExists(atPath: statePath.path) {
            do {
                var s = try JSONDecoder().decode(SandboxState.self, from: Data(contentsOf: statePath))
                for key in customFields where !s.customFields.contains(key) { s.customFields.append(key) }
                return s
            } catch {
                throw SandboxConfigError("state file \(statePath.path) cannot be read (\(error)); move it away to start fresh")
            }
        }
        switch seed {
        case .demo, .stress:
            var s = DemoSeed.state(customFields: customFields, extraAccounts: seed == .stress ? [DemoSeed.stressAccount] : [])
            if sdkAppID != DemoSeed.sdkAppID { s.sdkAppID = sdkAppID }
            if !s.admins.contains(admin) { s.admins.append(admin); s.importAccount(admin) }
            return s
        case .empty:
            return DemoSeed.empty(sdkAppID: sdkAppID, admin: admin, customFields: customFields)
        }
    }
}

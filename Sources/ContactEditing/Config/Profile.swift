import ChatAPI
import Foundation
import TOMLKit

/// Where a profile's credentials come from; never the key itself in the file.
public enum CredentialSource: Equatable, Sendable {
    /// The secret key is in this environment variable.
    case environment(String)
    /// The secret key is in this file, readable only by its owner.
    case keyFile(String)
    /// This command prints a UserSig (so the operator never holds the key).
    case userSigCommand(String)
}

/// One `[profiles.NAME]` table of config.toml.
public struct Profile: Equatable, Sendable {
    public var name: String
    public var sdkAppID: UInt64
    public var endpoint: Endpoint
    public var admin: String
    public var credentials: CredentialSource
    public var theme: String?
    public var readOnly: Bool
    /// Custom friend fields configured for the app in the Chat console.
    public var customFields: [String]
}

/// Reads profiles from config.toml, with errors that name the file, the profile and the fix.
public enum ProfileLoader {
    public static func load(_ url: URL, name: String) throws(ValidationError) -> Profile {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ValidationError(field: "Profile \(name)", message: "\(url.path) does not exist; create it with a [profiles.\(name)] table (README, \"Profiles\")")
        }
        return try parse(text, file: url.path, name: name)
    }

    public static func parse(_ text: String, file: String, name: String) throws(ValidationError) -> Profile {
        func fail(_ message: String) -> ValidationError { ValidationError(field: "\(file) [profiles.\(name)]", message: message) }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            let line = (error as? TOMLParseError).map { ":\($0.source.begin.line)" } ?? ""
            throw ValidationError(field: file + line, message: "not valid TOML: \(error)")
        }
        guard let profiles = table["profiles"]?.table else { throw fail("no [profiles.NAME] tables in the file") }
        guard let p = profiles[name]?.table else {
            throw fail("no such profile; profiles are \(profiles.keys.sorted().joined(separator: ", "))")
        }
        guard let appInt = p["sdkappid"]?.int, appInt > 0 else { throw fail("sdkappid = N is missing (the app's SDKAppID)") }
        guard let admin = p["admin"]?.string, !admin.isEmpty else { throw fail("admin = \"ID\" is missing (an app administrator)") }
        let endpoint: Endpoint
        do {
            switch (p["region"]?.string, p["base_url"]?.string) {
            case (let r?, nil): endpoint = try Endpoint(regionName: r)
            case (nil, let u?): endpoint = try Endpoint(baseURL: u)
            case (nil, nil): throw fail("give region = \"singapore\" (or another region) or base_url = \"https://…\"")
            default: throw fail("give region or base_url, not both")
            }
        } catch let e as EndpointError { throw fail(e.description) } catch let e as ValidationError { throw e } catch { throw fail("\(error)") }
        let sources = [p["key_env"]?.string.map(CredentialSource.environment), p["key_file"]?.string.map(CredentialSource.keyFile),
                       p["usersig_command"]?.string.map(CredentialSource.userSigCommand)].compactMap { $0 }
        guard sources.count == 1, let credentials = sources.first else {
            throw fail("give exactly one of key_env = \"VAR\", key_file = \"PATH\" (chmod 600) or usersig_command = \"…\"; the key itself never goes in this file")
        }
        if p["key"] != nil || p["secret"] != nil { throw fail("remove the key from the file; use key_env, key_file or usersig_command") }
        return Profile(name: name, sdkAppID: UInt64(appInt), endpoint: endpoint, admin: admin, credentials: credentials,
                       theme: p["theme"]?.string, readOnly: p["read_only"]?.bool ?? false,
                       customFields: p["custom_fields"]?.array?.compactMap(\.string) ?? [])
    }
}

/// A UserSig from a command the operator configured (e.g. a vault client); cached like key-made ones.
public actor CommandUserSigSource: UserSigSource {
    private let command: String
    private var cached: (sig: String, expiresAt: Int64)?

    public init(command: String) { self.command = command }

    public func userSig(renew: Bool) async throws -> String {
        let now = Int64(Date().timeIntervalSince1970)
        if !renew, let cached, now < cached.expiresAt - 60 { return cached.sig }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let sig = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard p.terminationStatus == 0, !sig.isEmpty else {
            throw ValidationError(field: "usersig_command", message: "exited \(p.terminationStatus) without printing a UserSig")
        }
        let expires = (try? UserSig.decode(sig)).map { $0.expiresAt } ?? now + 300
        cached = (sig, expires)
        return sig
    }
}

import ChatAPI
import ContactDeskStrings
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
    /// Read calls on the wire at once (`read_concurrency`, 1 to 64); nil: the client's default.
    public var readConcurrency: Int? = nil
}

/// Reads profiles from config.toml, with errors that name the file, the profile and the fix.
public enum ProfileLoader {
    public static func load(_ url: URL, name: String) throws(ValidationError) -> Profile {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ValidationError(field: ProfileText.profileLabel.text(["name": name]), message: ProfileText.fileMissing.text(["path": url.path, "name": name]))
        }
        return try parse(text, file: url.path, name: name)
    }

    /// The keys a profile may have and the type each expects, in words.
    static let keys: [(key: String, type: ProfileText)] = [
        ("sdkappid", .typeNumber), ("region", .typeRegion), ("base_url", .typeURL),
        ("admin", .typeUserID), ("key_env", .typeVariable), ("key_file", .typePath),
        ("usersig_command", .typeCommand), ("theme", .typeTheme), ("read_only", .typeBool),
        ("custom_fields", .typeFieldList), ("read_concurrency", .typeConcurrency),
    ]
    /// Keys whose values are never repeated in a message: they name where a secret lives, or may hold one by mistake.
    static let secretish = ["key", "secret", "sig", "token", "password"]

    public static func parse(_ text: String, file: String, name: String) throws(ValidationError) -> Profile {
        let lines = text.components(separatedBy: "\n")
        /// The line of `key` inside [profiles.NAME], for messages.
        func line(of key: String) -> Int? {
            var inside = false
            for (i, l) in lines.enumerated() {
                let t = l.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("[") { inside = t.replacingOccurrences(of: " ", with: "") == "[profiles.\(name)]" || t.hasPrefix("[profiles.\(name).") ; continue }
                if inside, t.hasPrefix(key + " ") || t.hasPrefix(key + "=") || t.hasPrefix("\"\(key)\"") { return i + 1 }
            }
            return nil
        }
        func fail(_ message: String, key: String? = nil) -> ValidationError {
            let at = key.flatMap(line(of:)).map { ":\($0)" } ?? ""
            return ValidationError(field: "\(file)\(at) [profiles.\(name)]\(key.map { " " + $0 } ?? "")", message: message)
        }
        let table: TOMLTable
        do { table = try SafeTOML.parse(text) } catch {
            let line = (error as? TOMLParseError).map { ":\($0.source.begin.line)" } ?? (error as? TOMLShapeError).map { ":\($0.line)" } ?? ""
            throw ValidationError(field: file + line, message: ProfileText.notTOML.text(["error": "\(error)"]))
        }
        guard let profiles = table["profiles"]?.table else { throw fail(ProfileText.noProfiles.text) }
        guard let p = profiles[name]?.table else {
            throw fail(ProfileText.noSuchProfile.text(["names": profiles.keys.sorted().joined(separator: ", ")]))
        }
        let known = Set(keys.map(\.key))
        for key in p.keys.sorted() where !known.contains(key) {
            // A typo of a known key (key_fille) is a typo; anything else secret-looking is refused as a secret.
            let near = keys.map(\.key).min { distance(key, $0) < distance(key, $1) }.flatMap { distance(key, $0) <= 2 ? $0 : nil }
            if near == nil, secretish.contains(where: key.lowercased().contains) {
                throw fail(ProfileText.secretInFile.text, key: key)
            }
            let names = keys.map(\.key).joined(separator: ", ")
            throw fail(near.map { ProfileText.unknownKeyDidYouMean.text(["near": $0, "keys": names]) } ?? ProfileText.unknownKey.text(["keys": names]), key: key)
        }
        /// The value of `key` as `T`, or an error naming the expected type (and the value found, unless it may be secret).
        func value<T>(_ key: String, _ get: (TOMLValueConvertible) -> T?) throws(ValidationError) -> T? {
            guard let raw = p[key] else { return nil }
            if let v = get(raw) { return v }
            let expected = (keys.first { $0.key == key }?.type ?? .typeOther).text
            // A value under a secret-looking key is never repeated.
            if secretish.contains(where: key.contains) { throw fail(ProfileText.mustBe.text(["expected": expected]), key: key) }
            throw fail(ProfileText.mustBeFound.text(["expected": expected, "found": raw.debugDescription]), key: key)
        }
        guard let appInt = try value("sdkappid", { $0.int }) else { throw fail(ProfileText.sdkAppIDMissing.text) }
        guard appInt > 0 else { throw fail(ProfileText.sdkAppIDNotPositive.text, key: "sdkappid") }
        guard let admin = try value("admin", { $0.string }), !admin.isEmpty else { throw fail(ProfileText.adminMissing.text) }
        let region = try value("region", { $0.string }), baseURL = try value("base_url", { $0.string })
        let endpoint: Endpoint
        do {
            switch (region, baseURL) {
            case (let r?, nil): endpoint = try Endpoint(regionName: r)
            case (nil, let u?): endpoint = try Endpoint(baseURL: u)
            case (nil, nil): throw fail(ProfileText.endpointMissing.text)
            default: throw fail(ProfileText.endpointBoth.text)
            }
        } catch let e as EndpointError { throw fail(e.description, key: region != nil ? "region" : "base_url") } catch let e as ValidationError { throw e } catch { throw fail("\(error)") }
        let keyEnv = try value("key_env", { $0.string }), keyFile = try value("key_file", { $0.string })
        let command = try value("usersig_command", { $0.string })
        if let keyEnv, keyEnv.isEmpty || !keyEnv.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) || keyEnv.first!.isNumber
            || UserSigLike.looksLikeASecret(keyEnv) {
            throw fail(ProfileText.keyEnvNotAName.text, key: "key_env")
        }
        if let keyFile, UserSigLike.looksLikeASecret(keyFile) {
            throw fail(ProfileText.keyFileNotAPath.text, key: "key_file")
        }
        // A key or UserSig under any other name, in any table of the file, is refused and never repeated.
        if let path = secretValuePath(table) {
            throw ValidationError(field: "\(file)\(line(of: path.last ?? "").map { ":\($0)" } ?? "") \(path.joined(separator: "."))",
                                  message: ProfileText.secretInFile.text)
        }
        let sources = [keyEnv.map(CredentialSource.environment), keyFile.map(CredentialSource.keyFile),
                       command.map(CredentialSource.userSigCommand)].compactMap { $0 }
        guard sources.count == 1, let credentials = sources.first else {
            throw fail(ProfileText.credentialsNotOne.text)
        }
        let fields = try value("custom_fields", { v -> [String]? in
            guard let a = v.array else { return nil }
            let names = a.compactMap(\.string)
            return names.count == a.count ? names : nil
        }) ?? []
        if let bad = fields.first(where: { $0.isEmpty || $0.utf8.count > 8 || !$0.allSatisfy { $0.isASCII && $0.isLetter } }) {
            throw fail(ProfileText.customFieldInvalid.text(["name": bad]), key: "custom_fields")
        }
        let concurrency = try value("read_concurrency", { v -> Int? in v.int.flatMap { (1...64).contains($0) ? Int($0) : nil } })
        return Profile(name: name, sdkAppID: UInt64(appInt), endpoint: endpoint, admin: admin, credentials: credentials,
                       theme: try value("theme", { $0.string }), readOnly: try value("read_only", { $0.bool }) ?? false,
                       customFields: fields, readConcurrency: concurrency)
    }

    /// The key path of the first string value that is a secret in itself: a key this process knows, text that
    /// decodes as a UserSig, or 64 hex digits (the form of an app's key).
    static func secretValuePath(_ table: TOMLTable, _ prefix: [String] = []) -> [String]? {
        func isSecret(_ v: TOMLValueConvertible) -> Bool {
            if let s = v.string { return Redactor.isSecret(s) || (s.count == 64 && s.allSatisfy(\.isHexDigit)) }
            if let a = v.array { return a.contains { isSecret($0) } }
            return false
        }
        for key in table.keys.sorted() {
            guard let v = table[key] else { continue }
            if let t = v.table { if let found = secretValuePath(t, prefix + [key]) { return found } ; continue }
            if let a = v.array, a.contains(where: { $0.table != nil }) {
                for case let t? in a.map(\.table) { if let found = secretValuePath(t, prefix + [key]) { return found } }
                continue
            }
            if isSecret(v) { return prefix + [key] }
        }
        return nil
    }

    /// Edit distance, for "did you mean".
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}

/// Tells a value that was meant to be a name or a path from a secret pasted in its place.
enum UserSigLike {
    /// A UserSig (it decodes as one), or a long run of hex or base64 with no path separator: a key, not a path.
    static func looksLikeASecret(_ s: String) -> Bool {
        if (try? UserSig.decode(s)) != nil { return true }
        guard s.count >= 32, !s.contains("/") else { return false }
        // A hex key, or a long run that mixes digits and letters without the underscores of a variable name.
        if s.allSatisfy(\.isHexDigit) { return true }
        return !s.contains("_") && s.contains(where: \.isNumber) && s.contains(where: \.isLetter)
            && s.allSatisfy { $0.isLetter || $0.isNumber || "+=*-".contains($0) }
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
            throw ValidationError(field: "usersig_command", message: ProfileText.userSigCommandFailed.text(["status": p.terminationStatus]))
        }
        let expires = (try? UserSig.decode(sig)).map { $0.expiresAt } ?? now + 300
        cached = (sig, expires)
        return sig
    }
}

import ContactDeskStrings
import Foundation

/// Why no secret key could be had; each message says what to do.
public enum KeyLoadError: Error, Equatable, CustomStringConvertible {
    case missing(variable: String)
    case unreadable(path: String, reason: String)
    case tooOpen(path: String, mode: String)
    case empty(source: String)

    public var description: String {
        switch self {
        case .missing(let v): APIText.keyMissing.text(["variable": v])
        case .unreadable(let p, let r): APIText.keyUnreadable.text(["path": p, "reason": r])
        case .tooOpen(let p, let m): APIText.keyTooOpen.text(["path": p, "mode": m])
        case .empty(let s): APIText.keyEmpty.text(["source": s])
        }
    }
}

/// Reads the app's secret key from the environment or an owner-only file; never from arguments.
public enum KeyLoader {
    /// The environment variable that may hold the key.
    public static let variable = "CONTACTDESK_SECRET_KEY"

    /// The key from `keyFile` when given, else from the environment.
    public static func load(keyFile: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SecretKey {
        if let keyFile { return try fromFile(keyFile) }
        guard let text = environment[variable] else { throw KeyLoadError.missing(variable: variable) }
        let key = SecretKey(text)
        if key.isEmpty { throw KeyLoadError.empty(source: variable) }
        return key
    }

    /// The key in a file that only its owner may read.
    public static func fromFile(_ path: String) throws -> SecretKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw KeyLoadError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if info.st_mode & 0o044 != 0 {
            throw KeyLoadError.tooOpen(path: path, mode: String(info.st_mode & 0o777, radix: 8))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeyLoadError.unreadable(path: path, reason: APIText.keyUnreadableNotAFile.text)
        }
        let key = SecretKey(String(decoding: data, as: UTF8.self))
        if key.isEmpty { throw KeyLoadError.empty(source: path) }
        return key
    }
}

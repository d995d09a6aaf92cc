import ContactDeskStrings
import Foundation

/// Where ContactDesk keeps its files, following the XDG base directory rules.
public enum StatePaths {
    /// Files and folders this process creates are for its user alone (umask 077): the journal, the audit log, the
    /// roster cache, SQLite's -wal/-shm files and exports hold customers' remarks and the operator's history.
    public static func restrictNewFiles() { umask(0o077) }

    /// `$XDG_STATE_HOME/contactdesk`, or `~/.local/state/contactdesk`: journal, audit, cache, log.
    public static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base(environment["XDG_STATE_HOME"], fallback: ".local/state", environment).appendingPathComponent("contactdesk")
    }

    /// `$XDG_CONFIG_HOME/contactdesk`, or `~/.config/contactdesk`: config.toml, themes.
    public static func configDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base(environment["XDG_CONFIG_HOME"], fallback: ".config", environment).appendingPathComponent("contactdesk")
    }

    private static func base(_ value: String?, fallback: String, _ environment: [String: String]) -> URL {
        // The spec says relative values are invalid and must be ignored.
        if let value, value.hasPrefix("/") { return URL(fileURLWithPath: value) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(fallback)
    }

    /// Creates a directory readable only by its owner, as state may hold customer data; one that exists
    /// with group or world access is tightened to 0700, and so are the files in it (journal, audit log, cache and
    /// SQLite's -wal/-shm files made before: 0600). New files are 0600 already (`restrictNewFiles`). The error
    /// names the folder and the system's reason.
    public static func ensure(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let fm = FileManager.default
            if let mode = (try? fm.attributesOfItem(atPath: directory.path))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
                try fm.setAttributes([.posixPermissions: mode & 0o700], ofItemAtPath: directory.path)
            }
            for name in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? [] {
                let path = directory.appendingPathComponent(name).path
                guard let attributes = try? fm.attributesOfItem(atPath: path), attributes[.type] as? FileAttributeType == .typeRegular,
                      let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 else { continue }
                try? fm.setAttributes([.posixPermissions: mode & 0o700], ofItemAtPath: path)
            }
        } catch {
            throw StatePathError(path: directory.path, reason: StatePathError.reason(error))
        }
    }
}

/// A state or config folder that cannot be made or used, in words: "/proc/1/contactdesk cannot be created: Permission denied".
public struct StatePathError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { APIText.stateFolderCannotBeCreated.text(["path": path, "reason": reason]) }

    /// A file error in words ("Permission denied"): the POSIX reason under a Foundation file error
    /// (strerror's words), else the error's own text.
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "Permission denied"
            case NSFileWriteVolumeReadOnlyError: return "Read-only file system"
            case NSFileWriteOutOfSpaceError: return "No space left on device"
            case NSFileWriteFileExistsError: return APIText.stateFolderFileInTheWay.text
            default: break
            }
        }
        return ns.localizedDescription
    }
}

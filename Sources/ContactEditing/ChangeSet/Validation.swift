import ChatAPI
import Foundation

/// The documented limits, in UTF-8 bytes, checked before anything is staged.
public enum FieldLimits {
    public static let remarkBytes = 96
    public static let groupNameBytes = 30
    public static let groupsPerAccount = 32
    public static let customValueBytes = 500
}

/// Why a value cannot be staged: the field, the limit, the current size, and what to do.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String
    public init(field: String, message: String) { self.field = field; self.message = message }
    public var description: String { "\(field): \(message)" }
}

/// Checks staged values against the limits, counting groups the change set would create.
public struct Validator: Sendable {
    /// Custom field keys the app has configured (from the profile and the friends' data).
    public var configuredFields: Set<String>

    public init(configuredFields: Set<String>) { self.configuredFields = configuredFields }

    public func remark(_ text: String) throws(ValidationError) {
        let n = text.utf8.count
        if n > FieldLimits.remarkBytes {
            throw ValidationError(field: "Remark", message: "\(n) bytes, the limit is \(FieldLimits.remarkBytes) bytes of UTF-8 (about 32 Chinese characters); shorten it by \(Plural.count(n - FieldLimits.remarkBytes, "byte"))")
        }
    }

    public func groupName(_ name: String) throws(ValidationError) {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(field: "Group name", message: "empty; a group needs a name of 1 to \(FieldLimits.groupNameBytes) bytes")
        }
        let n = name.utf8.count
        if n > FieldLimits.groupNameBytes {
            throw ValidationError(field: "Group \"\(name)\"", message: "\(n) bytes, the limit is \(FieldLimits.groupNameBytes) bytes of UTF-8; shorten it by \(Plural.count(n - FieldLimits.groupNameBytes, "byte"))")
        }
    }

    public func custom(_ key: String, _ value: String) throws(ValidationError) {
        guard configuredFields.contains(key) else {
            throw ValidationError(field: "Custom field \(key)", message: "not configured for this app (configured: \(configuredFields.sorted().joined(separator: ", "))); configure it in the Chat console first")
        }
        let n = value.utf8.count
        if n > FieldLimits.customValueBytes {
            throw ValidationError(field: "Custom field \(key)", message: "\(n) bytes, the limit is \(FieldLimits.customValueBytes) bytes; shorten it by \(Plural.count(n - FieldLimits.customValueBytes, "byte"))")
        }
    }

    /// The account's groups after `set` is applied, and an error if that is more than 32.
    public func groupCount(existing: [String], changes: ChangeSet, account: String) throws(ValidationError) {
        var all = existing
        for entry in changes.sorted where entry.key.account == account && entry.key.field == .groups {
            for g in entry.result.groups ?? [] where !all.contains(g) { all.append(g) }
        }
        if all.count > FieldLimits.groupsPerAccount {
            let new = all.dropFirst(existing.count)
            throw ValidationError(field: "Groups", message: "the account would have \(all.count) groups (new: \(new.joined(separator: ", "))), the limit is \(FieldLimits.groupsPerAccount); use an existing group or delete an unused one")
        }
    }
}

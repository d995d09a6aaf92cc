import ChatAPI
import ContactDeskStrings
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
    public var description: String { EditText.fieldMessage.text(["field": field, "message": message]) }
}

/// Checks staged values against the limits, counting groups the change set would create.
public struct Validator: Sendable {
    /// Custom field keys the app has configured (from the profile and the friends' data).
    public var configuredFields: Set<String>

    public init(configuredFields: Set<String>) { self.configuredFields = configuredFields }

    public func remark(_ text: String) throws(ValidationError) {
        let n = text.utf8.count
        if n > FieldLimits.remarkBytes {
            throw ValidationError(field: EditText.fieldRemark.text,
                                  message: EditText.remarkTooLong.text(["size": n, "limit": FieldLimits.remarkBytes, "count": n - FieldLimits.remarkBytes]))
        }
    }

    public func groupName(_ name: String) throws(ValidationError) {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(field: EditText.fieldGroupName.text, message: EditText.groupNameEmpty.text(["limit": FieldLimits.groupNameBytes]))
        }
        let n = name.utf8.count
        if n > FieldLimits.groupNameBytes {
            throw ValidationError(field: EditText.fieldGroupNamed.text(["name": name]),
                                  message: EditText.groupNameTooLong.text(["size": n, "limit": FieldLimits.groupNameBytes, "count": n - FieldLimits.groupNameBytes]))
        }
    }

    public func custom(_ key: String, _ value: String) throws(ValidationError) {
        guard configuredFields.contains(key) else {
            throw ValidationError(field: EditText.fieldCustom.text(["key": key]),
                                  message: EditText.customNotConfigured.text(["configured": configuredFields.sorted().joined(separator: ", ")]))
        }
        let n = value.utf8.count
        if n > FieldLimits.customValueBytes {
            throw ValidationError(field: EditText.fieldCustom.text(["key": key]),
                                  message: EditText.customTooLong.text(["size": n, "limit": FieldLimits.customValueBytes, "count": n - FieldLimits.customValueBytes]))
        }
    }

    /// The account's groups after `set` is applied, and an error if that is more than 32.
    public func groupCount(existing: [String], changes: ChangeSet, account: String) throws(ValidationError) {
        var all = existing
        // Only added names can create a group: a name the friend already had exists, or goes with a staged delete.
        for entry in changes.sorted where entry.key.account == account && entry.key.field == .groups {
            guard case .groups(let add, _) = entry.intent else { continue }
            for g in add where !all.contains(g) { all.append(g) }
        }
        if all.count > FieldLimits.groupsPerAccount {
            let new = all.dropFirst(existing.count)
            throw ValidationError(field: EditText.fieldGroups.text,
                                  message: EditText.groupsOverLimit.text(["count": all.count, "new": new.joined(separator: ", "), "limit": FieldLimits.groupsPerAccount]))
        }
    }
}

import ContactDeskStrings

/// One staged change that cannot be accepted: whose, which field, and the limit and fix in words.
public struct StagingProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var friend: String
    public var field: FieldKey
    public var message: String
    /// The `friend` of a problem of the whole file (too many groups): a marker, shown as "(all)" or "（全部）".
    public static let allFriends = "(all)"
    public var description: String {
        let who = friend == Self.allFriends ? EditText.problemAllFriends.text : friend
        return EditText.problemLine.text(["friend": who, "field": "\(field)", "message": message])
    }
}

/// The one validation path for staged changes that arrive whole (an imported or applied change-set file,
/// later a CSV): every entry is checked against the API's limits and the app's configuration before any of
/// it is staged or sent. The edit and bulk forms check the same rules field by field through `Validator`.
public struct Stager: Sendable {
    /// Custom field keys the app has configured (profile, `--custom-field`, the roster's data).
    public var configuredFields: Set<String>
    /// The account's friend groups now, when known: a file that would make more than 32 is refused.
    public var existingGroups: [String]?
    /// The account's friends, when known: an entry for anyone else is refused (the API would answer a bare 30001).
    public var friends: Set<String>?

    public init(configuredFields: Set<String>, existingGroups: [String]? = nil, friends: Set<String>? = nil) {
        self.configuredFields = configuredFields; self.existingGroups = existingGroups; self.friends = friends
    }

    /// Every problem of `entries` (empty: all can be staged).
    public func problems(_ entries: [ChangeEntry]) -> [StagingProblem] {
        let validator = Validator(configuredFields: configuredFields)
        var out: [StagingProblem] = []
        for e in entries {
            func fail(_ error: ValidationError) { out.append(StagingProblem(friend: e.key.friend, field: e.key.field, message: error.message)) }
            if let friends, !friends.contains(e.key.friend) {
                out.append(StagingProblem(friend: e.key.friend, field: e.key.field,
                                          message: EditText.notAFriendOfEntry.text(["account": e.key.account])))
                continue
            }
            switch (e.key.field, e.intent) {
            case (.remark, .set(let text)):
                do { try validator.remark(text) } catch { fail(error) }
            case (.custom(let key), .set(let text)):
                do { try validator.custom(key, text) } catch { fail(error) }
            case (.groups, .groups(let add, _)):
                for name in add { do { try validator.groupName(name) } catch { fail(error) } }
            default:
                out.append(StagingProblem(friend: e.key.friend, field: e.key.field, message: EditText.changeDoesNotFit.text))
            }
        }
        if let existingGroups, let account = entries.first?.key.account {
            do { try validator.groupCount(existing: existingGroups, changes: ChangeSet(entries), account: account) } catch {
                out.append(StagingProblem(friend: StagingProblem.allFriends, field: .groups, message: error.message))
            }
        }
        return out
    }

    /// The entries without those that have a problem (for `--skip-invalid`).
    public func valid(_ entries: [ChangeEntry]) -> [ChangeEntry] {
        let bad = Set(problems(entries).map { EntryKeyID(friend: $0.friend, field: $0.field) })
        return entries.filter { !bad.contains(EntryKeyID(friend: $0.key.friend, field: $0.key.field)) }
    }

    private struct EntryKeyID: Hashable { let friend: String; let field: FieldKey }
}

import Foundation

/// One friend as the emulator stores it.
struct FriendRecord: Codable, Equatable, Sendable {
    var id: String
    var remark: String = ""
    var groups: [String] = []
    /// Custom friend fields by key (without the Tag_SNS_Custom_ prefix).
    var custom: [String: String] = [:]
    var addSource: String = "AddSource_Type_Sandbox"
    var addWording: String = ""
    var addTime: Int64 = 0
}

/// One account: its profile, its friends in the order they were added, and its friend groups.
struct AccountRecord: Codable, Equatable, Sendable {
    var id: String
    var nick: String = ""
    var faceURL: String = ""
    /// Profile tags other than the nickname (Tag_Profile_*).
    var profile: [String: TagData] = [:]
    var friendOrder: [String] = []
    var friends: [String: FriendRecord] = [:]
    /// Friend-list groups in creation order.
    var groups: [String] = []
    /// Changes when remarks, groups or the friend set change (friend_get's StandardSequence).
    var standardSequence: Int64 = 1
    /// Changes when custom friend fields change (friend_get's CustomSequence).
    var customSequence: Int64 = 1
    /// Changes when the group list changes (group_get's CurrentSequence).
    var groupSequence: Int64 = 1
}

/// A stored tag value: a string, a list of strings or an integer.
enum TagData: Codable, Equatable, Sendable {
    case text(String), list([String]), number(Int64)

    init?(_ wire: Wire) {
        switch wire {
        case .string(let s): self = .text(s)
        case .int(let n): self = .number(n)
        default:
            guard let l = wire.stringList else { return nil }
            self = .list(l)
        }
    }

    var wire: Wire {
        switch self {
        case .text(let s): .string(s)
        case .list(let l): .strings(l)
        case .number(let n): .int(n)
        }
    }
}

/// Everything the emulator knows about its one app; saved to --state as JSON.
struct SandboxState: Codable, Equatable, Sendable {
    var sdkAppID: UInt64
    var admins: [String]
    /// Custom friend field keys configured for the app (the console's job in the real service).
    var customFields: [String]
    var sensitiveWords: [String] = []
    var accountOrder: [String] = []
    var accounts: [String: AccountRecord] = [:]

    init(sdkAppID: UInt64, admins: [String], customFields: [String]) {
        self.sdkAppID = sdkAppID; self.admins = admins; self.customFields = customFields
    }

    /// Adds an account if new (account_import is idempotent).
    mutating func importAccount(_ id: String, nick: String? = nil, faceURL: String? = nil) {
        if accounts[id] == nil {
            accounts[id] = AccountRecord(id: id)
            accountOrder.append(id)
        }
        if let nick { accounts[id]!.nick = nick }
        if let faceURL { accounts[id]!.faceURL = faceURL }
    }

    /// Makes `friend` a friend of `owner` (one direction), creating groups it names.
    mutating func addFriend(owner: String, _ friend: FriendRecord) {
        // Taken out of the dictionary so the friend table is not copied on every add (seeding 10,000 friends).
        guard var account = accounts.removeValue(forKey: owner) else { return }
        if account.friends[friend.id] == nil { account.friendOrder.append(friend.id) }
        account.friends[friend.id] = friend
        for g in friend.groups where !account.groups.contains(g) {
            account.groups.append(g)
            account.groupSequence += 1
        }
        account.standardSequence += 1
        if !friend.custom.isEmpty { account.customSequence += 1 }
        accounts[owner] = account
    }

    /// Ends a friendship in one direction.
    mutating func removeFriend(owner: String, _ friend: String) {
        guard var account = accounts[owner], account.friends.removeValue(forKey: friend) != nil else { return }
        account.friendOrder.removeAll { $0 == friend }
        account.standardSequence += 1
        accounts[owner] = account
    }
}

/// The documented limits the emulator enforces.
enum Limits {
    static let updateItems = 1000
    static let lookups = 100
    static let remarkBytes = 96
    static let groupNameBytes = 30
    static let groupsPerAccount = 32
    static let customValueBytes = 500
    static let customKeyBytes = 8
    static let userIDBytes = 32
    static let friendsPerAccount = 3000
    static let deleteItems = 1000
}

import ChatAPI

/// A friend group of the account with how many friends are in it.
public struct GroupSummary: Equatable, Sendable {
    public var name: String
    public var count: Int
    public init(name: String, count: Int) { self.name = name; self.count = count }
}

/// The open account's friend list.
public struct Roster: Equatable, Sendable {
    public var account: String
    public var friends: [Friend]
    /// The account's groups in server order (group_get), including empty ones.
    public var groups: [GroupSummary]
    /// Custom field keys seen on any friend, sorted.
    public var customFields: [String] { Array(Set(friends.flatMap { $0.custom.keys })).sorted() }
    public var standardSequence: Int64?
    public var customSequence: Int64?

    public init(account: String, friends: [Friend] = [], groups: [GroupSummary] = [], standardSequence: Int64? = nil,
                customSequence: Int64? = nil) {
        self.account = account; self.friends = friends; self.groups = groups
        self.standardSequence = standardSequence; self.customSequence = customSequence
    }
}

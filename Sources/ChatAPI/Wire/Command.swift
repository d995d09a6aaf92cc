/// A REST command: its URL path below `v4/`, and whether it writes to a `From_Account`.
public struct Command: Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let isWrite: Bool
    public init(_ path: String, isWrite: Bool = false) { self.path = path; self.isWrite = isWrite }
    public var description: String { path }

    public static let friendGet = Command("sns/friend_get")
    public static let friendGetList = Command("sns/friend_get_list")
    public static let friendUpdate = Command("sns/friend_update", isWrite: true)
    public static let groupGet = Command("sns/group_get")
    public static let groupAdd = Command("sns/group_add", isWrite: true)
    public static let groupDelete = Command("sns/group_delete", isWrite: true)
    public static let portraitGet = Command("profile/portrait_get")
    public static let accountCheck = Command("im_open_login_svc/account_check")
}

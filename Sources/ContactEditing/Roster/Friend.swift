import ChatAPI

/// One friend of the open account, as the screens show and edit it.
public struct Friend: Equatable, Sendable, Identifiable {
    public var id: String
    /// The friend's own profile nickname (portrait_get), empty until loaded.
    public var nickname: String
    public var remark: String
    public var groups: [String]
    /// Custom friend fields by key (without `Tag_SNS_Custom_`).
    public var custom: [String: String]
    /// Tags ContactDesk does not edit (AddSource, AddTime, unknown ones), kept as they came.
    public var otherTags: [TagValue]

    public init(id: String, nickname: String = "", remark: String = "", groups: [String] = [], custom: [String: String] = [:],
                otherTags: [TagValue] = []) {
        self.id = id; self.nickname = nickname; self.remark = remark; self.groups = groups
        self.custom = custom; self.otherTags = otherTags
    }

    /// Builds a friend from friend_get's or friend_get_list's tags.
    public init(id: String, tags: [TagValue]) {
        self.init(id: id)
        // Sized once: growing it tag by tag reallocated twice per friend.
        otherTags.reserveCapacity(tags.count { !FriendTag.isWritable($0.tag) })
        for item in tags {
            if item.tag == FriendTag.remark, let s = item.value.stringValue { remark = s }
            else if item.tag == FriendTag.group, let g = item.value.stringsValue { groups = g }
            else if let key = FriendTag.customKey(of: item.tag), let s = item.value.stringValue { custom[key] = s }
            else { otherTags.append(TagValue(tag: Self.shared(item.tag), value: item.value)) }
        }
    }

    /// The same tag name for every friend instead of a decoded copy each (two heap strings per friend saved).
    static func shared(_ tag: String) -> String {
        switch tag {
        case FriendTag.addSource: FriendTag.addSource
        case FriendTag.addTime: FriendTag.addTime
        case FriendTag.addWording: FriendTag.addWording
        default: tag
        }
    }

    /// The friend's tags as friend_get sends them; `Friend(id:tags:)` of them gives this friend back (without nickname).
    public var tags: [TagValue] {
        var out = [TagValue(tag: FriendTag.remark, value: .string(remark)), TagValue(tag: FriendTag.group, value: .strings(groups))]
        out += custom.keys.sorted().map { TagValue(tag: FriendTag.custom($0), value: .string(custom[$0] ?? "")) }
        return out + otherTags
    }
}

extension Friend {
    /// The current value of one editable field: what a change-set entry's base is taken from.
    public func value(of field: FieldKey) -> FieldValue {
        switch field {
        case .remark: .text(remark)
        case .groups: .groups(groups)
        case .custom(let key): .text(custom[key] ?? "")
        }
    }
}

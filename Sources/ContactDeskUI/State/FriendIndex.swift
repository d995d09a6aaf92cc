import ContactEditing

/// What `refreshVisible` and the column layout derive from the friend list, kept between keystrokes:
/// the lowercased text a filter searches (one UTF-8 buffer), the sorted order per sort column and the custom
/// field keys. Rebuilt only when the friends change, so a filter keystroke on 10,000 friends is a byte scan.
struct FriendIndex: Equatable, Sendable {
    /// Bumped by `AppState.friends`' observer; the index is stale when it was built for another value.
    /// Kept here rather than in AppState so that it, too, stays out of state equality.
    private var generation = 0
    private var builtFor = -1
    var isCurrent: Bool { builtFor == generation }
    /// Each friend's id, nickname, remark and groups, lowercased, as UTF-8; friend i is text[offsets[i]..<offsets[i+1]].
    private var text: [UInt8] = []
    private var offsets: [Int] = [0]
    private(set) var customKeys: Set<String> = []
    private var order: [Int] = []
    private var orderKey: (SortColumn, Bool)?

    /// Derived data: two states with the same friends are equal whatever their indexes hold.
    static func == (a: FriendIndex, b: FriendIndex) -> Bool { true }

    mutating func friendsChanged() { generation &+= 1 }

    mutating func update(_ friends: [Friend]) {
        guard builtFor != generation else { return }
        builtFor = generation
        text.removeAll(keepingCapacity: true)
        offsets = [0]
        offsets.reserveCapacity(friends.count + 1)
        var keys: Set<String> = []
        for f in friends {
            // A NUL between fields: no typed needle contains one, so a match never spans two fields.
            for part in [f.id, f.nickname, f.remark] + f.groups {
                text.append(contentsOf: part.lowercased().utf8)
                text.append(0)
            }
            offsets.append(text.count)
            keys.formUnion(f.custom.keys)
        }
        customKeys = keys
        orderKey = nil
    }

    /// Indexes of all friends sorted by `sort` (case-insensitive, Chinese by pinyin, stable: ties keep server order).
    mutating func sorted(_ friends: [Friend], by sort: SortColumn, descending: Bool) -> [Int] {
        if let k = orderKey, k.0 == sort, k.1 == descending, order.count == friends.count { return order }
        let keys: [String] = friends.map { f in
            switch sort {
            case .userID: f.id.lowercased()
            // Names and remarks in the operator's order: Chinese by pinyin among Latin text.
            case .nickname: SortKey.of(f.nickname)
            case .remark: SortKey.of(f.remark)
            case .groups: SortKey.of(f.groups.joined(separator: ","))
            }
        }
        order = friends.indices.sorted { a, b in
            if keys[a] != keys[b] { return descending ? keys[a] > keys[b] : keys[a] < keys[b] }
            return a < b
        }
        orderKey = (sort, descending)
        return order
    }

    /// Whether friend `i`'s text contains `needle` (lowercased UTF-8, not empty).
    func matches(_ i: Int, _ needle: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { buf in
            needle.withUnsafeBufferPointer { n in
                let start = offsets[i], end = offsets[i + 1] - n.count
                guard end >= start else { return false }
                let first = n[0]
                var p = start
                while p <= end {
                    if buf[p] == first {
                        var k = 1
                        while k < n.count && buf[p + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    p += 1
                }
                return false
            }
        }
    }
}

import ChatAPI
import ContactEditing
import Foundation

/// A deterministic list of many friends, beyond the API's 3000 per account, for the screen and memory
/// scenarios; names and remarks mix CJK, Latin and emoji like the demo data.
enum SyntheticRoster {
    static let family = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "佐藤", "鈴木", "高橋", "田中", "Smith", "García", "Nguyễn"]
    static let given = ["伟", "芳", "娜", "敏", "静", "丽", "さくら", "健太", "ゆい", "Alice", "Bob", "Zoë", "Priya", "Søren"]
    static let remarks = ["VIP客户", "大阪の取引先", "ramen shop owner 🍜", "账单联系人", "前台", "Billing contact", "テスト担当", "老同学",
                          "supplier", "须回访", "ゲーム仲間", "night shift"]
    static let groups = ["VIP", "同事", "家人", "取引先", "🎮 Gamers", "Billing", "Support", "大阪", "Night", "Returns"]
    static let tiers = ["gold", "silver", "bronze"]

    struct Row {
        var id: String
        var nickname: String
        var tags: [TagValue]
    }

    static func rows(_ count: Int) -> [Row] {
        (0..<count).map { i in
            var tags = [TagValue(tag: FriendTag.remark, value: .string("\(remarks[i % remarks.count]) \(i % 97)")),
                        TagValue(tag: "Tag_SNS_IM_AddSource", value: .string("AddSource_Type_Bench")),
                        TagValue(tag: "Tag_SNS_IM_AddTime", value: .integer(1_700_000_000 + Int64(i)))]
            let g = [groups[i % groups.count], groups[(i / 7) % groups.count]]
            tags.append(TagValue(tag: FriendTag.group, value: .strings(i % 3 == 0 ? [] : Array(Set(g)).sorted())))
            tags.append(TagValue(tag: FriendTag.custom("Tier"), value: .string(tiers[i % 3])))
            if i % 4 == 0 { tags.append(TagValue(tag: FriendTag.custom("Ticket"), value: .string("T-\(100_000 + i)"))) }
            let nick = "\(family[i % family.count])\(given[(i / family.count) % given.count])\(i % 5 == 0 ? " 🐼" : "")"
            return Row(id: String(format: "u%05d", i), nickname: nick, tags: tags)
        }
    }

    static func roster(_ count: Int, account: String = "bench_big") -> Roster {
        let friends = rows(count).map { r in
            var f = Friend(id: r.id, tags: r.tags)
            f.nickname = r.nickname
            return f
        }
        let counts = friends.reduce(into: [String: Int]()) { acc, f in for g in f.groups { acc[g, default: 0] += 1 } }
        return Roster(account: account, friends: friends, groups: groups.map { GroupSummary(name: $0, count: counts[$0] ?? 0) },
                      standardSequence: 1, customSequence: 1)
    }
}

import Foundation

/// Deterministic demo data: the same accounts, friends, names and groups on every start.
public enum DemoSeed {
    public static let sdkAppID: UInt64 = 1_400_000_000
    public static let admin = "administrator"
    public static let customFields = ["Tier", "Ticket"]
    /// The demo app's secret key: the documented UserSig vector's key, public by nature, for the emulator only.
    public static let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"

    /// The demo accounts and their friend counts.
    public static let accounts: [(id: String, friends: Int)] = [
        ("demo_empty", 0), ("demo_solo", 1), ("demo_alice", 50), ("demo_full", 40), ("demo_shop", 3000),
    ]
    /// With the stress seed only: more friends than the API allows one account, to measure the screens at scale.
    public static let stressAccount = (id: "demo_big", friends: 10_000)
    /// The account `contactdesk --demo` opens.
    public static let defaultAccount = "demo_alice"

    static let family = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "佐藤", "鈴木", "高橋", "田中"]
    static let given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "さくら", "健太", "ゆい", "翔太", "美咲"]
    static let latin = ["Alice", "Bob", "Chen Wei", "María José", "Zoë", "Oluwaseun", "Nguyễn An", "Priya", "Søren", "Ahmed"]
    static let emoji = ["🐼", "🌸", "🍜", "🚀", "🎧", "☕", "🦊", "🌊"]
    static let remarkParts = ["VIP客户", "大阪の取引先", "ramen shop owner", "账单联系人", "前台", "Billing contact",
                              "テスト担当", "老同学", "supplier", "须回访", "ゲーム仲間", "night shift"]
    static let groupPool = ["VIP", "同事", "家人", "取引先", "🎮 Gamers", "Billing", "Support", "大阪"]
    static let tiers = ["gold", "silver", "bronze"]

    /// A small deterministic generator (SplitMix64), so the seed does not depend on the platform's random.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    /// A friend's nickname in one of several scripts.
    static func nickname(_ i: Int, _ g: inout Generator) -> String {
        switch i % 5 {
        case 0, 1: return g.pick(family) + g.pick(given)
        case 2: return g.pick(latin)
        case 3: return g.pick(emoji) + " " + g.pick(family) + g.pick(given)
        default: return g.pick(latin) + " " + g.pick(emoji)
        }
    }

    /// The demo app's state.
    static func state(customFields extra: [String] = [], extraAccounts: [(id: String, friends: Int)] = []) -> SandboxState {
        var s = SandboxState(sdkAppID: sdkAppID, admins: [admin], customFields: customFields + extra.filter { !customFields.contains($0) })
        s.sensitiveWords = ["forbiddenword", "违禁词"]
        var g = Generator(state: 20_261_127)
        s.importAccount(admin, nick: "Administrator")
        let all = accounts + extraAccounts
        let maxFriends = all.map(\.friends).max() ?? 0
        for i in 1...maxFriends {
            s.importAccount(String(format: "c%04d", i), nick: nickname(i, &g))
        }
        for (id, count) in all {
            s.importAccount(id, nick: "Demo " + id.dropFirst(5).capitalized)
            if id == "demo_full" {
                for n in 1...32 { s.accounts[id]!.groups.append(String(format: "G%02d", n)) }
            }
            for i in 0..<count {
                let friendID = String(format: "c%04d", i + 1)
                var f = FriendRecord(id: friendID)
                if g.chance(70) {
                    f.remark = g.pick(remarkParts) + " " + (s.accounts[friendID]?.nick ?? "")
                    while f.remark.utf8.count > Limits.remarkBytes { f.remark.removeLast() }
                }
                let pool = id == "demo_full" ? s.accounts[id]!.groups : groupPool
                for _ in 0..<Int(g.next() % 3) {
                    let group = g.pick(pool)
                    if !f.groups.contains(group) { f.groups.append(group) }
                }
                if g.chance(60) { f.custom["Tier"] = g.pick(tiers) }
                if g.chance(25) { f.custom["Ticket"] = "T-\(1000 + g.next() % 9000)" }
                f.addSource = "AddSource_Type_Demo"
                f.addTime = 1_700_000_000 + Int64(i) * 3600
                s.addFriend(owner: id, f)
            }
        }
        return s
    }

    /// An app with only its administrator.
    static func empty(sdkAppID: UInt64, admin: String, customFields: [String]) -> SandboxState {
        var s = SandboxState(sdkAppID: sdkAppID, admins: [admin], customFields: customFields)
        s.importAccount(admin)
        return s
    }
}

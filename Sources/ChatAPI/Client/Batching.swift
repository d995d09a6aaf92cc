/// The API's per-call limits and helpers to split work along them.
public enum BatchLimit {
    /// UpdateItem entries per friend_update call.
    public static let friendUpdate = 1000
    /// Accounts per friend_get_list, portrait_get and account_check call.
    public static let lookups = 100
    /// The most friends a list may claim (FriendNum): far above any account's limit, low enough that a lying
    /// reply cannot make the client plan millions of page reads.
    public static let friendNum = 1_000_000
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    public func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0 ..< Swift.min($0 + size, count)]) }
    }
}

/// Runs `work` over `items` with at most `limit` in flight and returns the results in input order.
func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], limit: Int, _ work: @escaping @Sendable (T) async throws -> R) async throws -> [R] {
    try await withThrowingTaskGroup(of: (Int, R).self) { group in
        var results = [R?](repeating: nil, count: items.count)
        var next = 0
        for _ in 0 ..< Swift.min(limit, items.count) {
            let i = next; next += 1
            group.addTask { (i, try await work(items[i])) }
        }
        while let (i, r) = try await group.next() {
            results[i] = r
            if next < items.count {
                let j = next; next += 1
                group.addTask { (j, try await work(items[j])) }
            }
        }
        return results.map { $0! }
    }
}

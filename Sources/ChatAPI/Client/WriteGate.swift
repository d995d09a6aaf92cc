/// One write call in flight per From_Account: the service answers 30008 to a concurrent writer.
actor WriteGate {
    private var busy: Set<String> = []
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Waits until no other write for `account` runs, then holds the account.
    func acquire(_ account: String) async {
        if !busy.contains(account) { busy.insert(account); return }
        await withCheckedContinuation { waiters[account, default: []].append($0) }
    }

    /// Passes the account to the next waiter, or frees it.
    func release(_ account: String) {
        if var queue = waiters[account], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[account] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busy.remove(account)
        }
    }
}

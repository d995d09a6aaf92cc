/// At most `limit` reads on the wire at once for the whole client: page prefetch, nicknames and lookups share
/// it, so one load cannot put several call sites' limits in flight together.
actor ReadGate {
    private let limit: Int
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func acquire() async {
        if running < limit { running += 1; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Hands the slot to the next waiter (first come, first served), or frees it.
    func release() {
        if waiters.isEmpty { running -= 1 } else { waiters.removeFirst().resume() }
    }
}

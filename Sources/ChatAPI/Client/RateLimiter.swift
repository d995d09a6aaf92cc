import Foundation

/// At most `limit` calls per command in any one-second window, counted the way the service counts arrivals.
/// The client cannot see arrival times, so a call holds its slot from departure until one second after its
/// reply: whenever the service saw it, a later call cannot land in the same window.
actor RateLimiter {
    private let limit: Int
    private var inFlight: [Command: Int] = [:]
    private var finished: [Command: [ContinuousClock.Instant]] = [:]
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(callsPerSecond: Int) { limit = max(1, callsPerSecond) }

    /// Waits until a call of `command` fits, then holds a slot for it; pair with `release`.
    func acquire(_ command: Command) async throws {
        while true {
            try Task.checkCancellation()
            let now = ContinuousClock.now
            var done = finished[command, default: []]
            done.removeAll { now - $0 >= .seconds(1) }
            finished[command] = done
            if inFlight[command, default: 0] + done.count < limit {
                inFlight[command, default: 0] += 1
                return
            }
            if let oldest = done.first {
                try await Task.sleep(until: oldest + .seconds(1), clock: .continuous)
            } else {
                // Every slot is in flight: wait for a reply.
                await withCheckedContinuation { waiters.append($0) }
            }
        }
    }

    /// Marks the call answered (or failed); its slot frees one second from now.
    func release(_ command: Command) {
        inFlight[command, default: 1] -= 1
        finished[command, default: []].append(.now)
        let ready = waiters
        waiters.removeAll()
        ready.forEach { $0.resume() }
    }
}

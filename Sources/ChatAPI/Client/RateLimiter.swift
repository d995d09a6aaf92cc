import Foundation

/// At most `limit` calls per command in any one-second window, the way the service counts them.
actor RateLimiter {
    private let limit: Int
    private var recent: [Command: [ContinuousClock.Instant]] = [:]

    init(callsPerSecond: Int) { limit = max(1, callsPerSecond) }

    /// Waits until a call of `command` fits in the window, then counts it.
    func acquire(_ command: Command) async throws {
        let clock = ContinuousClock()
        while true {
            let now = clock.now
            var times = recent[command, default: []]
            times.removeAll { now - $0 >= .seconds(1) }
            if times.count < limit {
                times.append(now)
                recent[command] = times
                return
            }
            recent[command] = times
            try await Task.sleep(until: times[0] + .seconds(1), clock: clock)
        }
    }
}

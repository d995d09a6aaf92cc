import Foundation

/// Threads for libcurl's blocking transfers, kept for a while between calls. A thread per transfer cost a thread's
/// creation and teardown per call (61 per friend-list open, about 5% of the client's CPU); GCD is not an option, as
/// a blocked worker starves Swift's cooperative pool, which on Linux runs on the same global queue. A job never
/// waits for a thread: one is started when none is idle. A thread idle for a minute ends.
final class TransferThreads: @unchecked Sendable {
    static let shared = TransferThreads()

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    /// Threads waiting for a job, and wake-ups handed to them: each queued job has a thread granted or started.
    private var idle = 0
    private var grants = 0
    private let idleLimit: TimeInterval

    init(idleLimit: TimeInterval = 60) { self.idleLimit = idleLimit }

    /// Threads alive now, and of them waiting for a job (for tests).
    var threads: Int { condition.withLock { alive } }
    var idleThreads: Int { condition.withLock { idle } }
    private var alive = 0

    func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        if idle > 0 {
            idle -= 1
            grants += 1
            condition.signal()
            condition.unlock()
        } else {
            alive += 1
            condition.unlock()
            let thread = Thread { [self] in loop() }
            thread.name = "curl-transfer"
            thread.start()
        }
    }

    private func loop() {
        condition.lock()
        defer { alive -= 1; condition.unlock() }
        while true {
            if !jobs.isEmpty {
                let job = jobs.removeFirst()
                condition.unlock()
                job()
                condition.lock()
                continue
            }
            idle += 1
            let deadline = Date(timeIntervalSinceNow: idleLimit)
            while grants == 0 {
                // Timed out with nothing granted: leave (still counted idle, so take that back first).
                if !condition.wait(until: deadline), grants == 0 { idle -= 1; return }
            }
            grants -= 1
        }
    }
}

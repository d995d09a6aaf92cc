import Foundation

/// Long-lived threads for libcurl's blocking transfers. A thread per transfer cost a thread's creation and
/// teardown per call (61 per friend-list open); GCD is not an option, as a blocked worker starves Swift's
/// cooperative pool, which on Linux runs on the same global queue. Threads are started when every existing one
/// is busy and then kept, so there are as many as transfers ever ran at once (the read gate keeps that small).
final class TransferThreads: @unchecked Sendable {
    static let shared = TransferThreads()

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    /// Threads waiting for a job, and wake-ups handed to them: each queued job has a thread granted or started.
    private var idle = 0
    private var grants = 0

    func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        if idle > 0 {
            idle -= 1
            grants += 1
            condition.signal()
            condition.unlock()
        } else {
            condition.unlock()
            let thread = Thread { [self] in loop() }
            thread.name = "curl-transfer"
            thread.start()
        }
    }

    private func loop() {
        condition.lock()
        while true {
            if !jobs.isEmpty {
                let job = jobs.removeFirst()
                condition.unlock()
                job()
                condition.lock()
                continue
            }
            idle += 1
            while grants == 0 { condition.wait() }
            grants -= 1
        }
    }
}

import ContactDeskUI
import Foundation
import Synchronization

/// A terminal for tests of the whole loop without tmux: it plays a script (wait until a frame shows
/// something, then press keys, resize…) and keeps the frames drawn. The loop's own thread calls it;
/// effects wake it from theirs.
public final class ScriptedTerminal: TerminalDevice, @unchecked Sendable {
    /// One step of the script.
    public enum Step: Sendable {
        /// Keys pressed at once (the loop reads them in one batch).
        case keys([Key])
        /// Text typed, one key per character.
        case type(String)
        /// Wait until the last frame's text satisfies the condition.
        case waitFor(String, @Sendable (String) -> Bool)
        /// The terminal changes size.
        case resize(width: Int, height: Int)
        /// Something else happens meanwhile (another client writes to the server): run to its end before the next step.
        case perform(String, @Sendable () async throws -> Void)

        /// Wait until the last frame contains `text`.
        public static func see(_ text: String) -> Step { .waitFor("\"\(text)\"") { $0.contains(text) } }
    }

    private struct Shared {
        var steps: [Step]
        var width: Int
        var height: Int
        var frames: [Canvas] = []
        var copied: [String] = []
        var failure: String?
        var ended = false
        var stepDeadline: ContinuousClock.Instant?
    }

    private let shared: Mutex<Shared>
    private let woken = DispatchSemaphore(value: 0)
    private let timeout: Duration
    /// Called when the script is done or a wait timed out, so the test can stop the loop.
    public let onFinish: Mutex<(@Sendable () -> Void)?> = Mutex(nil)

    public init(width: Int = 80, height: Int = 24, timeout: Duration = .seconds(20), _ steps: [Step]) {
        shared = Mutex(Shared(steps: steps, width: width, height: height))
        self.timeout = timeout
    }

    /// Every frame drawn, oldest first.
    public var frames: [Canvas] { shared.withLock { $0.frames } }
    /// The last frame's text.
    public var screen: String { shared.withLock { $0.frames.last?.snapshot ?? "" } }
    /// Why the script did not finish (a wait that timed out), if it did not.
    public var failure: String? { shared.withLock { $0.failure } }
    /// Whether the loop restored the terminal.
    public var ended: Bool { shared.withLock { $0.ended } }

    public var size: (width: Int, height: Int) { shared.withLock { ($0.width, $0.height) } }

    public func draw(_ canvas: Canvas) { shared.withLock { $0.frames.append(canvas) } }

    public func wake() { woken.signal() }

    public func end() { shared.withLock { $0.ended = true } }

    /// What the program copied, oldest first.
    public var copied: [String] { shared.withLock { $0.copied } }

    public func copy(_ text: String) -> Bool { shared.withLock { $0.copied.append(text) }; return true }

    public func readKeys(timeout ms: Int) -> [Key] {
        enum Next { case keys([Key]), wait, done(String?), perform(String, @Sendable () async throws -> Void) }
        let next: Next = shared.withLock { s in
            while let step = s.steps.first {
                switch step {
                case .keys(let keys):
                    s.steps.removeFirst(); s.stepDeadline = nil
                    return .keys(keys)
                case .type(let text):
                    s.steps.removeFirst(); s.stepDeadline = nil
                    return .keys(text.map(Key.char))
                case .resize(let w, let h):
                    s.steps.removeFirst(); s.stepDeadline = nil
                    s.width = w; s.height = h
                    return .keys([.resize])
                case .perform(let what, let work):
                    s.steps.removeFirst(); s.stepDeadline = nil
                    return .perform(what, work)
                case .waitFor(let what, let condition):
                    if let last = s.frames.last, condition(last.snapshot) {
                        s.steps.removeFirst(); s.stepDeadline = nil
                        continue
                    }
                    let deadline = s.stepDeadline ?? ContinuousClock.now + timeout
                    s.stepDeadline = deadline
                    if ContinuousClock.now > deadline {
                        let failure = "timed out waiting for \(what); the screen:\n\(s.frames.last?.snapshot ?? "(nothing drawn)")"
                        s.failure = failure
                        s.steps.removeAll()
                        return .done(failure)
                    }
                    return .wait
                }
            }
            return .done(nil)
        }
        switch next {
        case .keys(let keys): return keys
        case .perform(let what, let work):
            // The loop's own thread (not the cooperative pool) waits for the work, so no key is read meanwhile.
            let done = DispatchSemaphore(value: 0)
            let problem = Mutex<String?>(nil)
            Task {
                do { try await work() } catch { problem.withLock { $0 = "\(what) failed: \(error)" } }
                done.signal()
            }
            done.wait()
            if let p = problem.withLock({ $0 }) { shared.withLock { $0.failure = p; $0.steps.removeAll() } }
            return []
        case .wait:
            _ = woken.wait(timeout: .now() + .milliseconds(min(ms, 50)))
            return []
        case .done:
            onFinish.withLock { $0 }?()
            _ = woken.wait(timeout: .now() + .milliseconds(min(ms, 50)))
            return []
        }
    }
}

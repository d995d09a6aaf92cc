import ContactDeskUI
import Synchronization

/// Actions posted by effects from other threads, taken by the loop before each draw.
public final class ActionInbox: Sendable {
    private let pending = Mutex<[(action: Action, load: Int?)]>([])
    private let wake: @Sendable () -> Void
    public init(wake: @escaping @Sendable () -> Void) { self.wake = wake }
    /// `load` tags what a roster load posts, so a superseded load's pages never reach the screen.
    public func post(_ action: Action, load: Int? = nil) {
        pending.withLock { $0.append((action, load)) }
        wake()
    }
    public func drain(currentLoad: Int) -> [Action] {
        pending.withLock { p in
            defer { p.removeAll() }
            return p.filter { $0.load == nil || $0.load == currentLoad }.map(\.action)
        }
    }
    public var hasPending: Bool { pending.withLock { !$0.isEmpty } }
}

import ContactDeskUI
import Testing

/// Reduces `action` and checks the whole state and the exact effects, as a TestStore does: `change` edits a
/// copy of the state from before, so a test states only what must change, and any other change fails it
/// with the fields that differ named.
public func assertReduce(_ state: inout AppState, _ action: Action, effects expected: [Effect] = [],
                         sourceLocation: SourceLocation = #_sourceLocation, _ change: (inout AppState) -> Void = { _ in }) {
    var want = state
    change(&want)
    let effects = Reducer.reduce(&state, action)
    if effects != expected {
        Issue.record("\(action): effects \(effects), expected \(expected)", sourceLocation: sourceLocation)
    }
    if state != want {
        Issue.record("\(action): state differs in \(differences(state, want).joined(separator: ", "))", sourceLocation: sourceLocation)
    }
}

/// The stored properties of two values that differ, each as "name: got X, expected Y" (short values only).
public func differences<T>(_ got: T, _ want: T) -> [String] {
    let a = Mirror(reflecting: got).children, b = Mirror(reflecting: want).children
    return zip(a, b).compactMap { x, y in
        let gx = String(describing: x.value), wy = String(describing: y.value)
        guard gx != wy else { return nil }
        let name = x.label ?? "?"
        return gx.count + wy.count < 300 ? "\(name): got \(gx), expected \(wy)" : name
    }
}

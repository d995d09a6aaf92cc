import Foundation

/// An app's secret key. It prints as a placeholder so that it cannot leak through logs or errors.
public struct SecretKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let value: String
    /// Wraps a key read from the environment or a key file (surrounding whitespace removed).
    /// Every key made is remembered by `Redactor`, so no text can show it.
    public init(_ value: String) {
        self.value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        Redactor.register(key: self.value)
    }
    public var description: String { "<secret key>" }
    public var debugDescription: String { "<secret key>" }
    /// True when no key was given.
    public var isEmpty: Bool { value.isEmpty }
}

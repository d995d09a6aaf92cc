import Foundation

/// How often and how patiently a call is retried.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// Delay before the first retry; doubles each time.
    public var baseDelay: Double
    /// Upper bound of one delay.
    public var maxDelay: Double

    public init(maxAttempts: Int = 5, baseDelay: Double = 0.2, maxDelay: Double = 5) {
        self.maxAttempts = max(1, maxAttempts); self.baseDelay = baseDelay; self.maxDelay = maxDelay
    }

    /// Exponential backoff with "equal jitter": half fixed, half random, so that two clients
    /// colliding on one account do not retry in lockstep yet never retry at once.
    public func delay(beforeRetry retry: Int, random: Double = Double.random(in: 0...1)) -> Double {
        let exp = min(maxDelay, baseDelay * pow(2, Double(max(0, retry - 1))))
        return exp / 2 + exp / 2 * random
    }
}

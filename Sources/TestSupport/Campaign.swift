import Foundation

/// The reliability campaign's settings and report (docs/RELIABILITY.md). `make test` runs each campaign small;
/// `make reliability` sets RELIABILITY_SIZE=full, a seed it prints, and a report file it shows at the end.
public enum Campaign {
    static let environment = ProcessInfo.processInfo.environment

    /// The seed of this run: RELIABILITY_SEED, or a fixed one so `make test` is repeatable.
    public static let seed: UInt64 = UInt64(environment["RELIABILITY_SEED"] ?? "") ?? 20261206

    /// Whether this is the full campaign (`make reliability`).
    public static var full: Bool { environment["RELIABILITY_SIZE"] == "full" }

    /// `small` in `make test`, `large` in the full campaign.
    public static func size(_ small: Int, full large: Int) -> Int { full ? large : small }

    /// A generator for one campaign, from the run's seed and the campaign's name (each campaign replays alone).
    public static func rng(_ name: String) -> SplitMix {
        SplitMix(state: name.utf8.reduce(seed) { ($0 &* 31) &+ UInt64($1) })
    }

    /// Prints a campaign's one line and appends it to RELIABILITY_REPORT when set.
    public static func report(_ line: String) {
        let text = "reliability: \(line) (seed \(seed))"
        print(text)
        guard let path = environment["RELIABILITY_REPORT"] else { return }
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data((text + "\n").utf8))
            try? handle.close()
        } else {
            try? (text + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        }
    }
}

/// SplitMix64: a small deterministic generator, so a seed replays a campaign exactly.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation

/// Repeated measurements of one quantity: median and spread, never a single lucky run.
struct Sample {
    var values: [Double] = []

    mutating func add(_ v: Double) { values.append(v) }
    var sorted: [Double] { values.sorted() }
    var median: Double {
        let s = sorted
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var min: Double { values.min() ?? .nan }
    var max: Double { values.max() ?? .nan }
    /// The value below which `p` (0...1) of the runs fall.
    func percentile(_ p: Double) -> Double {
        let s = sorted
        guard !s.isEmpty else { return .nan }
        return s[Swift.min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
    }

    /// "12.3 ms (11.9–13.0, n=5)"
    func describe(_ unit: Unit) -> String {
        "\(unit.format(median)) (\(unit.format(min, bare: true))–\(unit.format(max, bare: true)), n=\(values.count))"
    }
}

/// How a figure is printed.
enum Unit {
    case ms, bytes, megabytes, count

    func format(_ v: Double, bare: Bool = false) -> String {
        let suffix: String
        let text: String
        switch self {
        case .ms:
            text = v >= 100 ? String(format: "%.0f", v) : (v >= 1 ? String(format: "%.1f", v) : String(format: "%.3f", v))
            suffix = " ms"
        case .bytes: text = String(format: "%.0f", v); suffix = " B"
        case .megabytes: text = String(format: "%.1f", v); suffix = " MB"
        case .count: text = String(format: "%.0f", v); suffix = ""
        }
        return bare ? text : text + suffix
    }
}

/// Milliseconds `body` took.
func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let value = try await body()
    let d = ContinuousClock.now - start
    return (value, Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
}

/// Milliseconds `body` took, for synchronous code.
func timedSync<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let value = try body()
    let d = ContinuousClock.now - start
    return (value, Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
}

/// CPU time used, for the cold open's client and emulator figures.
enum CPUTime {
    /// This process's user and system time, in milliseconds.
    static func ownMS() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }

    /// Another process's user and system time from /proc/PID/stat (fields 14 and 15, in clock ticks).
    static func processMS(_ pid: pid_t) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        // Fields after the command name (which may hold spaces) start at field 3.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

import Foundation

/// One line of the report: a measure, its figure, the baseline's if any, and the target it is held to.
struct Finding {
    var scenario: String
    var measure: String
    var value: String
    var baseline: String = ""
    var ratio: String = ""
    var target: String
    /// nil when the line is information without a target.
    var met: Bool?

    /// ContactDesk against the baseline, met when ContactDesk is at least `factor` times faster.
    static func speedup(_ scenario: String, _ measure: String, ours: Sample, naive: Sample, factor: Double, target: String) -> Finding {
        Finding(scenario: scenario, measure: measure, value: ours.describe(.ms), baseline: naive.describe(.ms),
                ratio: speedRatio(naive.median, ours.median), target: target, met: naive.median / ours.median >= factor)
    }

    var verdict: String {
        switch met {
        case .some(true): "met"
        case .some(false): "NOT met"
        case .none: ""
        }
    }
}

/// Prints findings as a Markdown table, the form BENCHMARKS.md keeps.
enum Report {
    static func table(_ findings: [Finding]) -> String {
        var out = "| scenario | measure | ContactDesk | naive baseline | ratio | target | |\n|---|---|---|---|---|---|---|\n"
        for f in findings {
            out += "| \(f.scenario) | \(f.measure) | \(f.value) | \(f.baseline) | \(f.ratio) | \(f.target) | \(f.verdict) |\n"
        }
        return out
    }

    /// What the figures came from: CPU, cores, memory, kernel.
    static func machine() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let memKB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .flatMap { $0.split(whereSeparator: { $0 == " " }).dropFirst().first.flatMap { Double($0) } } ?? 0
        var uts = utsname()
        uname(&uts)
        let release = withUnsafeBytes(of: &uts.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let machine = withUnsafeBytes(of: &uts.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(String(format: "%.0f", memKB / 1_048_576)) GB RAM, Linux \(release) \(machine)"
    }
}

/// "4.2x"
func speedRatio(_ slow: Double, _ fast: Double) -> String { String(format: "%.1fx", slow / fast) }

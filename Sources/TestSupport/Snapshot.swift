import Foundation

/// Text snapshots: compared with a checked-in file, written when missing or when SNAPSHOT_RECORD=1.
public enum Snapshot {
    /// Returns nil when `text` matches the snapshot `name` in `directory`, else a message with both texts.
    public static func check(_ text: String, named name: String, in directory: URL) -> String? {
        let url = directory.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            // In CI a missing snapshot is a failure, not a silent recording.
            return ProcessInfo.processInfo.environment["CI"] == nil || record ? nil : "snapshot \(name) was missing; recorded it, commit it"
        }
        let want = expected.hasSuffix("\n") ? String(expected.dropLast()) : expected
        return want == text ? nil : "snapshot \(name) differs (SNAPSHOT_RECORD=1 re-records)\n--- expected\n\(want)\n--- actual\n\(text)"
    }
}

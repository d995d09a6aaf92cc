import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation

/// Submitting a remark edit for every one of 3000 friends, journal and all, against one friend_update per friend.
enum SubmitScenario {
    static let account = OpenScenario.account

    static func run(url: String, runs: Int, baselineRuns: Int, stateDirectory: URL) async throws -> [Finding] {
        let journal = try Journal(url: stateDirectory.appendingPathComponent("bench-journal.sqlite"))
        let recorder = JournalRecorder(journal: journal, app: DemoSeed.sdkAppID, account: account)
        var ours = Sample(), naive = Sample()
        var updates = 0, reads = 0, naiveCalls = 0, naiveFailures = "", ourFailures = ""
        for run in 0..<runs {
            let (reader, _) = try BenchClients.contactDesk(url)
            let current = try await reader.friendGetAll(account: account).friends.map { Friend(id: $0.toAccount, tags: $0.valueItem ?? []) }
            let entries = current.enumerated().map { i, f in
                ChangeEntry(key: EntryKey(app: DemoSeed.sdkAppID, account: account, friend: f.id, field: .remark),
                            base: .text(f.remark), intent: .set("bench run \(run) 客户 #\(i)"))
            }
            let (client, counter) = try BenchClients.contactDesk(url)
            let (report, ms) = try await timed {
                try await Submitter(client: client).submit(account: account, entries: entries, customKeys: DemoSeed.customFields, recorder: recorder)
            }
            let ok = report.outcomes.values.filter { $0 == .ok }.count
            guard ok == 3000 else { throw BenchError("ContactDesk applied \(ok) of 3000 rows") }
            ours.add(ms); updates = counter.calls("sns/friend_update"); reads = counter.calls("sns/friend_get_list")
            ourFailures = counter.failureSummary
        }
        for run in 0..<baselineRuns {
            let (reader, _) = try BenchClients.contactDesk(url)
            let ids = try await reader.friendGetAll(account: account).friends.map(\.toAccount)
            let remarks = ids.enumerated().map { (friend: $1, remark: "naive run \(run) 客户 #\($0)") }
            let (baseline, counter) = try BenchClients.naive(url)
            let (failed, ms) = try await timed { try await NaiveClient.submitPerFriend(baseline, account: account, remarks: remarks) }
            guard failed == 0 else { throw BenchError("the baseline failed \(failed) rows") }
            naive.add(ms); naiveCalls = counter.totalCalls; naiveFailures = counter.failureSummary
        }
        return [
            .speedup("submit 3000 remark edits", "re-read, merge, send, journal; all rows ✓", ours: ours, naive: naive,
                     factor: 10, target: "≥ 10x faster than per-friend calls"),
            Finding(scenario: "submit 3000 remark edits", measure: "friend_update calls (+ friend_get_list re-reads)",
                    value: "\(updates) (+ \(reads))" + (ourFailures.isEmpty ? "" : ", retried: \(ourFailures)"),
                    baseline: "\(naiveCalls)" + (naiveFailures.isEmpty ? "" : ", retried: \(naiveFailures)"), target: "3 friend_update calls", met: updates == 3),
        ]
    }
}

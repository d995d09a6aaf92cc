import ChatAPI
import Foundation
import Synchronization
import Testing
import TestSupport

/// The hostile-server campaign (docs/RELIABILITY.md): a scripted server answers friend_get, friend_get_list and
/// friend_update with generated bad replies (flags that never complete, indexes that do not advance, counts that
/// lie, wrong types, cut or flipped bytes, absurd nesting). Every read must end, as a complete list or a clear
/// error, never loop and never be a shorter list than the server claimed.
@Suite struct HostileReplyCampaignTests {
    /// After this many calls a read counts as hanging (a good 3,000-friend list takes 31).
    static let cap = 400
    struct Hung: Error {}

    static func page(_ ids: ArraySlice<Int>, total: Int?, complete: String, next: String, std: String = "7", custom: String = "9",
                     items: String? = nil, envelope: String = #""ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"""#) -> String {
        let list = items ?? "[" + ids.map { #"{"To_Account":"f\#($0)","ValueItem":[{"Tag":"Tag_SNS_IM_Remark","Value":"r\#($0)"}]}"# }.joined(separator: ",") + "]"
        return "{\(envelope),\"UserDataItem\":\(list),\"StandardSequence\":\(std),\"CustomSequence\":\(custom),"
            + (total.map { "\"FriendNum\":\($0)," } ?? "") + "\"CompleteFlag\":\(complete),\"NextStartIndex\":\(next)}"
    }

    /// One hostile friend_get server: for a StartIndex, the reply text.
    static func friendGetServer(_ rng: inout SplitMix) -> @Sendable (Int) -> String {
        let total = Int.random(in: 0...450, using: &rng)
        let size = 100
        @Sendable func honest(_ start: Int) -> (ids: ArraySlice<Int>, complete: Bool, next: Int) {
            let ids = Array(0..<total)[min(start, total)..<min(total, start + size)]
            return (ids, start + size >= total, start + size)
        }
        let kind = Int.random(in: 0..<14, using: &rng)
        let badPage = Int.random(in: 0...4, using: &rng) * size
        let flips = (0..<Int.random(in: 1...6, using: &rng)).map { _ in (Int.random(in: 0..<4000, using: &rng), UInt8.random(in: 0...255, using: &rng)) }
        return { start in
            let h = honest(start)
            let good = page(h.ids, total: total, complete: h.complete ? "1" : "0", next: "\(h.next)")
            guard start == badPage || kind >= 11 else { return good }
            switch kind {
            case 0: return page(h.ids, total: total, complete: ["null", "-1", "2", "\"1\"", "true"][start / size % 5], next: "\(h.next)")
            case 1: return page(h.ids, total: total, complete: "0", next: "\(start)")                     // NextStartIndex stuck
            case 2: return page(h.ids, total: total, complete: "0", next: "\(max(0, start - size))")     // goes back
            case 3: return page([], total: total, complete: "0", next: "\(h.next)")                        // empty, not complete
            case 4: return page(h.ids, total: total / 2, complete: h.complete ? "1" : "0", next: "\(h.next)")  // FriendNum lies low
            case 5: return page(h.ids, total: total * 3 + 1, complete: h.complete ? "1" : "0", next: "\(h.next)")  // lies high
            case 6: return page(h.ids, total: nil, complete: "0", next: "\(h.next)")                       // never completes
            case 7: return page(h.ids, total: total, complete: "1", next: "\(h.next)", items: ["null", "{}", "[1,2]", "[{\"To_Account\":5}]", "\"x\""][start / size % 5])
            case 8: return page(h.ids, total: total, complete: "1", next: "\(h.next)", std: "\"x\"", custom: "-1")
            case 9: return page(h.ids, total: total, complete: "0", next: "\"\(h.next)\"")
            case 10: return page(h.ids, total: total, complete: "1", next: "0", envelope: #""ActionStatus":"OK","ErrorCode":"0""#)
            case 11: return String(repeating: "[", count: 100_000)                                          // nesting
            case 12:                                                                                            // cut
                let g = Array(good.utf8)
                return String(decoding: g.prefix(g.count * Int(UInt8(truncatingIfNeeded: start &+ 37)) / 256), as: UTF8.self)
            default:                                                                                            // flipped bytes
                var g = Array(good.utf8)
                for (at, b) in flips where !g.isEmpty { g[at % g.count] = b }
                return String(decoding: g, as: UTF8.self)
            }
        }
    }

    @Test func everyHostileReplyEndsInAListOrAClearError() async throws {
        var rng = Campaign.rng("hostile")
        let cases = Campaign.size(300, full: 1500)
        var complete = 0, errors = 0, hangs = 0, short = 0, calls = 0
        for _ in 0..<cases {
            let server = Self.friendGetServer(&rng)
            let count = Mutex(0)
            let transport = ScriptedTransport { command, body, _ in
                let n = count.withLock { $0 += 1; return $0 }
                if n > Self.cap { throw Hung() }
                let start = Int(body["StartIndex"]?.int ?? 0)
                return ScriptedTransport.json(server(start))
            }
            let client = try TestClients.make(transport: transport, retry: RetryPolicy(maxAttempts: 2, baseDelay: 0, maxDelay: 0))
            do {
                let snapshot = try await client.friendGetAll(account: "o")
                complete += 1
                // A list that ends is never shorter than the count the server gave.
                if let claimed = snapshot.friendNum, snapshot.friends.count < claimed { short += 1 }
            } catch is Hung {
                hangs += 1
            } catch let error as ChatError {
                errors += 1
                #expect(!error.description.isEmpty && error.description.count < 2000)
            }
            calls += count.withLock { $0 }
        }
        // friend_get_list and friend_update: the rows of a reply that lies about them.
        var rowCases = 0
        for _ in 0..<Campaign.size(100, full: 500) {
            rowCases += 1
            let mutation = Int.random(in: 0..<5, using: &rng)
            let transport = ScriptedTransport { command, body, _ in
                let asked = body["UpdateItem"]?.elements.compactMap { $0["To_Account"]?.string } ?? body["To_Account"]?.elements.compactMap(\.string) ?? []
                let rows = switch mutation {
                case 0: asked.dropLast().map { #"{"To_Account":"\#($0)","ResultCode":0}"# }       // a row missing
                case 1: (asked + asked).map { #"{"To_Account":"\#($0)","ResultCode":0}"# }        // repeated
                case 2: asked.map { #"{"To_Account":"x\#($0)","ResultCode":0}"# }                 // someone else
                case 3: asked.map { #"{"To_Account":"\#($0)","ResultCode":"0"}"# }                // wrong type
                default: asked.map { #"{"To_Account":"\#($0)","ResultCode":70001,"ResultInfo":"\u001b]0;x\u0007"}"# }
                }
                let key = command.hasSuffix("friend_update") ? "ResultItem" : "InfoItem"
                return ScriptedTransport.json(#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"",""# + key + #"":["# + rows.joined(separator: ",") + "]}")
            }
            let client = try TestClients.make(transport: transport, retry: RetryPolicy(maxAttempts: 2, baseDelay: 0, maxDelay: 0))
            let friends = (0..<Int.random(in: 1...250, using: &rng)).map { "f\($0)" }
            if let rows = try? await client.friendUpdate(account: "o", items: friends.map { UpdateItem(toAccount: $0, snsItem: []) }) {
                // One outcome per friend asked, in order: a missing or foreign row is never taken for applied.
                #expect(rows.map(\.toAccount) == friends)
                if mutation == 0 { #expect(rows.last?.outcome.isOK == false) }
                if mutation == 2 { #expect(rows.allSatisfy { !$0.outcome.isOK }) }
            }
            if let infos = try? await client.friendGetList(account: "o", friends: friends, tags: [FriendTag.remark]) {
                #expect(infos.map(\.toAccount) == friends)
            }
        }
        Campaign.report("hostile replies: \(cases) friend_get servers (\(calls) replies) and \(rowCases) row-lying servers, "
            + "\(complete) complete lists, \(errors) clear errors, \(hangs) hangs, \(short) shorter than claimed, 0 crashes")
        #expect(hangs == 0 && short == 0 && errors > 0 && complete > 0)
    }
}

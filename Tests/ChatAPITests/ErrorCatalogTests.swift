import Foundation
import Testing
import TestSupport
@testable import ChatAPI

@Suite struct ErrorCatalogTests {
    /// Every code in the error tables of ../shared/chat-api.md ("| 30010 / 30014 | ..." counts both).
    static func documentedCodes() throws -> [Int] {
        let text = try String(contentsOf: Fixtures.shared.appendingPathComponent("chat-api.md"), encoding: .utf8)
        let section = text.components(separatedBy: "## Error codes").last ?? ""
        return section.split(separator: "\n").compactMap { line -> [Int]? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: true)
            guard line.hasPrefix("|"), let first = cells.first else { return nil }
            let codes = first.split(separator: "/").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return codes.isEmpty ? nil : codes
        }.flatMap { $0 }
    }

    @Test func everyDocumentedCodeHasAnEntry() throws {
        let codes = try Self.documentedCodes()
        #expect(codes.count >= 40)
        for code in codes {
            #expect(ErrorCatalog.isKnown(code), "code \(code) missing")
            let e = ErrorCatalog.entry(code)
            #expect(!e.name.isEmpty && !e.meaning.isEmpty && !e.hint.isEmpty)
        }
    }

    @Test func retryClassesFollowTheDocumentation() {
        for code in [30006, 30007, 30008, 60007, 60011, 60018, 60019, 70169, 70500] { #expect(ErrorCatalog.entry(code).retry == .backoff) }
        for code in [30001, 30003, 30005, 30010, 30011, 30014, 32216, 70107] { #expect(ErrorCatalog.entry(code).retry == .never) }
        for code in [70001, 70052] { #expect(ErrorCatalog.entry(code).retry == .renewUserSig) }
        #expect(ErrorCatalog.entry(60008).retry == .once)
        for code in [30002, 30004, 60004, 60010, 70009, 70013, 70014, 70016, 70050] { #expect(ErrorCatalog.entry(code).retry == .stop) }
    }

    @Test func inlineTextsAsTheRowsShowThem() {
        #expect(ErrorCatalog.inline(30011) == "30011 friend-list group limit reached (32)")
        #expect(RowOutcome.failed(code: 30011, info: "Err_SNS_FriendUpdate_Group_Num_Exceed_Threshold", level: .row).inline
                == "✗ 30011 friend-list group limit reached (32)")
        #expect(RowOutcome.ok.inline == "✓")
    }

    @Test func unknownCodesStillShowTheirNumberAndText() {
        #expect(!ErrorCatalog.isKnown(91234))
        #expect(ErrorCatalog.inline(91234, info: "brand new failure") == "91234 brand new failure")
        #expect(ErrorCatalog.entry(91234).name.contains("91234"))
        let error = ChatError.api(command: .friendUpdate, code: 91234, info: "brand new failure")
        #expect(error.description.contains("91234") && error.description.contains("brand new failure"))
    }
}

import Foundation
import Testing
import TestSupport
@testable import ChatAPI

@Suite struct ErrorCatalogTests {
    /// The documented codes with what the documentation tells a client to do (Tests/Fixtures/documented-error-codes.txt).
    static func documentedCodes() throws -> [(code: Int, retry: String)] {
        try Fixtures.text("documented-error-codes.txt").split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let cells = line.split(separator: "\t")
            guard cells.count == 3, let code = Int(cells[0]) else { Issue.record("bad line: \(line)"); return nil }
            return (code, String(cells[1]))
        }
    }

    @Test func everyDocumentedCodeHasAnEntry() throws {
        let codes = try Self.documentedCodes()
        #expect(codes.count == 41)
        for (code, _) in codes {
            #expect(ErrorCatalog.isKnown(code), "code \(code) missing")
            let e = ErrorCatalog.entry(code)
            #expect(!e.name.isEmpty && !e.meaning.isEmpty && !e.hint.isEmpty)
        }
    }

    @Test func retryClassesFollowTheDocumentation() throws {
        for (code, retry) in try Self.documentedCodes() {
            #expect(ErrorCatalog.entry(code).retry.rawValue == retry, "code \(code)")
        }
    }

    /// docs/ERROR-CODES.md is what the catalog generates (regenerate with `make docs`).
    @Test func theErrorCodeReferenceMatchesTheCatalog() throws {
        let file = Fixtures.repoRoot.appendingPathComponent("docs/ERROR-CODES.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == ErrorCatalog.markdownReference(), "docs/ERROR-CODES.md is stale: run make docs")
        for e in ErrorCatalog.all { #expect(text.contains("| \(e.code) | \(e.englishName) |")) }
    }

    @Test func inlineTextsAsTheRowsShowThem() {
        #expect(ErrorCatalog.inline(30011) == "30011 friend-list group limit reached (32)")
        #expect(RowOutcome.failed(code: 30011, info: "Err_SNS_FriendUpdate_Group_Num_Exceed_Threshold", level: .row).inline
                == "✗ 30011 friend-list group limit reached (32)")
        #expect(RowOutcome.ok.inline == "✓")
    }

    /// The words are the operator's language; the code, and the emulator's English name, stay.
    @Test func inlineTextsInChinese() {
        #expect(ErrorCatalog.inline(30011, in: .zh) == "30011 好友分组数量已达上限（32）")
        #expect(ErrorCatalog.inline(91234, in: .zh) == "91234 未知错误")
        #expect(ErrorCatalog.entry(91234).name(in: .zh) == "错误 91234")
        #expect(ErrorCatalog.entry(30011).englishName == "friend-list group limit reached (32)")
        for e in ErrorCatalog.all { #expect(e.englishName != "error \(e.code)", "code \(e.code) has no words in CatalogText") }
        for e in ErrorCatalog.all { #expect(!e.name(in: .zh).isEmpty && !e.meaning(in: .zh).isEmpty && !e.hint(in: .zh).isEmpty) }
    }

    @Test func unknownCodesStillShowTheirNumberAndText() {
        #expect(!ErrorCatalog.isKnown(91234))
        #expect(ErrorCatalog.inline(91234, info: "brand new failure") == "91234 brand new failure")
        #expect(ErrorCatalog.entry(91234).name.contains("91234"))
        let error = ChatError.api(command: .friendUpdate, code: 91234, info: "brand new failure")
        #expect(error.description.contains("91234") && error.description.contains("brand new failure"))
    }
}

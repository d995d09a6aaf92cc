import ChatAPI
import ContactDeskUI
import ContactEditing
import Foundation
import Testing

/// The status line's words and severity come from one place, and failures reach the reducer typed.
@Suite struct StatusMessageTests {
    @Test func failuresAreErrorsAndNewsIsNot() {
        let failure = Failure.chat(.api(command: .friendGet, code: 30003, info: "Err_SNS_FriendGet_Account_Not_Exist"))
        for m: StatusMessage in [.loadFailed(failure, savedAt: nil), .saveFailed(.other("x")), .exportFailed(.file(path: "/e", reason: "Permission denied")),
                                 .submitFailed(failure, account: nil), .markFirst] {
            #expect(m.isError && !m.text.isEmpty, "\(m)")
        }
        for m: StatusMessage in [.loaded(friends: 3), .submitting, .resumed(1), .staged(friend: "c1", total: 2), .notQuitting] {
            #expect(!m.isError && !m.text.isEmpty, "\(m)")
        }
        #expect(StatusMessage.resumed(1).text == "resumed 1 staged change" && StatusMessage.resumed(2).text == "resumed 2 staged changes")
    }

    @Test func aSubmitWithFailuresOrAnAuditProblemIsAnError() {
        let ok = SubmitCounts(Submitter.Report(outcomes: ["a": .ok], fresh: [:]))
        let mixed = SubmitCounts(Submitter.Report(outcomes: ["a": .ok, "b": .conflict(fields: [.remark])], fresh: [:]))
        #expect(!StatusMessage.submitted(ok, stillStaged: 0, auditFailure: nil).isError)
        #expect(StatusMessage.submitted(mixed, stillStaged: 1, auditFailure: nil).isError)
        let audited = StatusMessage.submitted(ok, stillStaged: 0, auditFailure: "1 applied row is on the server but not in the audit log")
        #expect(audited.isError && audited.text.hasSuffix(" · AUDIT: 1 applied row is on the server but not in the audit log"))
    }

    /// A typed service error on load shows the catalog's words and hint, and the saved list's note when there is one.
    @Test func aTypedLoadFailureIsWordedOnTheStatusLine() {
        var s = ReducerTests.loaded()
        let error = ChatError.api(command: .friendGet, code: 30003, info: "")
        _ = Reducer.reduce(&s, .rosterFailed(.chat(error)))
        #expect(s.status == .loadFailed(.chat(error), savedAt: nil) && s.statusIsError)
        #expect(s.status?.text.contains("30003 account does not exist") == true && s.status?.text.contains(ErrorCatalog.entry(30003).hint) == true)
        #expect(Failure(JournalError(message: "NOT staged: full")) == .journal(JournalError(message: "NOT staged: full")))
        #expect(Failure(AuditUnavailable(reason: "ro")).description.hasPrefix("NOT sent: the audit log cannot be written (ro)"))
    }
}

/// The catalog as text for people: `contactdesk errors` and docs/ERROR-CODES.md are both made here,
/// so the operator's table and the code cannot drift.
extension ErrorCatalog {
    /// What ContactDesk does about a retry class, in words.
    public static func action(_ retry: RetryClass) -> String {
        switch retry {
        case .backoff: "retried with backoff"
        case .once: "retried once"
        case .renewUserSig: "new UserSig, retried once"
        case .never: "not retried"
        case .stop: "stops: fix configuration or credentials"
        }
    }

    /// docs/ERROR-CODES.md, whole.
    public static func markdownReference() -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = """
        # Error codes

        Every error code ContactDesk knows, as a row shows it (`✗ CODE NAME`), what it means, what ContactDesk
        does about it and what the operator can do. A code not listed here is shown with its number and the
        service's own text. This file is generated from `ErrorCatalog` (`make docs`, or
        `contactdesk errors --markdown`); a test fails when it differs from the code or when a code the
        API documentation lists is missing (`Tests/Fixtures/documented-error-codes.txt`).

        | code | name | meaning | ContactDesk | what to do |
        |---|---|---|---|---|

        """
        for e in all {
            out += "| \(e.code) | \(cell(e.name)) | \(cell(e.meaning)) | \(action(e.retry)) | \(cell(e.hint)) |\n"
        }
        return out
    }
}

import ContactDeskStrings

/// The catalog as text for people: `contactdesk errors` and docs/ERROR-CODES.md are both made here,
/// so the operator's table and the code cannot drift.
extension ErrorCatalog {
    /// What ContactDesk does about a retry class, in words.
    public static func action(_ retry: RetryClass, in language: Language = .current) -> String {
        let key: CatalogCommonText = switch retry {
        case .backoff: .actionBackoff
        case .once: .actionOnce
        case .renewUserSig: .actionRenewUserSig
        case .never: .actionNever
        case .stop: .actionStop
        }
        return key.text(in: language)
    }

    /// docs/ERROR-CODES.md, whole: English whatever the operator's language (the repository's docs are English).
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
            out += "| \(e.code) | \(cell(e.name(in: .en))) | \(cell(e.meaning(in: .en))) | \(action(e.retry, in: .en)) | \(cell(e.hint(in: .en))) |\n"
        }
        return out
    }
}

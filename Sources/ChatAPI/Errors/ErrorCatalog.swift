import ContactDeskStrings

/// What the client does about an error code.
public enum RetryClass: String, Sendable, Equatable {
    /// Retry with exponential backoff.
    case backoff
    /// Retry once.
    case once
    /// Make a new UserSig, then retry once.
    case renewUserSig
    /// Not retryable: the row or the call is wrong as sent.
    case never
    /// Stop: configuration or credentials must be fixed first.
    case stop
}

/// One documented error code with words an operator can act on (the words are in `CatalogText`, both languages).
public struct ErrorEntry: Sendable, Equatable {
    /// The numeric code.
    public let code: Int
    /// What the client does about it.
    public let retry: RetryClass
    /// The short name, what the code means and what to do, in both languages (an unknown code's name has `{code}`).
    public let nameText: Bilingual
    public let meaningText: Bilingual
    public let hintText: Bilingual

    public init(code: Int, retry: RetryClass, words: CatalogText.Words) {
        self.code = code; self.retry = retry
        nameText = words.name; meaningText = words.meaning; hintText = words.hint
    }

    /// A short name, shown inline after the code (e.g. "friend-list group limit reached (32)"), in the current language.
    public var name: String { name(in: .current) }
    /// What the code means, in the current language.
    public var meaning: String { meaning(in: .current) }
    /// One line telling the operator what to do, in the current language.
    public var hint: String { hint(in: .current) }

    public func name(in language: Language) -> String { nameText.text(["code": code], in: language) }
    public func meaning(in language: Language) -> String { meaningText.text(["code": code], in: language) }
    public func hint(in language: Language) -> String { hintText.text(["code": code], in: language) }

    /// The English name: what the emulator sends as ErrorInfo/ResultInfo, whatever the operator's language.
    public var englishName: String { name(in: .en) }
}

/// Every error code the API documents for the commands ContactDesk uses (docs/ERROR-CODES.md lists them);
/// unknown codes still get an entry built from their number.
public enum ErrorCatalog {
    /// The documented codes and what the client does about each, in the order of the API page.
    private static let retries: [(code: Int, retry: RetryClass)] = [
        (30001, .never), (30002, .stop), (30003, .never), (30004, .stop),
        (30005, .never), (30006, .backoff), (30007, .backoff), (30008, .backoff),
        (30010, .never), (30014, .never), (30011, .never), (32216, .never),
        (60002, .never), (60003, .never), (60004, .stop), (60005, .stop),
        (60006, .stop), (60016, .stop), (60007, .backoff), (60011, .backoff),
        (60018, .backoff), (60019, .backoff), (60008, .once), (60009, .never),
        (60010, .stop), (60020, .stop), (60021, .stop), (70001, .renewUserSig),
        (70052, .renewUserSig), (70002, .stop), (70003, .stop), (70005, .stop),
        (70009, .stop), (70013, .stop), (70014, .stop), (70016, .stop),
        (70020, .stop), (70050, .stop), (70107, .never), (70169, .backoff),
        (70500, .backoff),
    ]

    private static let list: [ErrorEntry] = retries.map { ErrorEntry(code: $0.code, retry: $0.retry, words: CatalogText.words($0.code) ?? CatalogText.unknown) }

    private static let byCode: [Int: ErrorEntry] = Dictionary(uniqueKeysWithValues: list.map { ($0.code, $0) })

    /// Every documented entry, in the order of the API page.
    public static var all: [ErrorEntry] { list }

    /// The entry for a code; an unknown code gets a generic entry that still names the number.
    public static func entry(_ code: Int) -> ErrorEntry {
        byCode[code] ?? ErrorEntry(code: code, retry: .never, words: CatalogText.unknown)
    }

    /// Whether the code is documented.
    public static func isKnown(_ code: Int) -> Bool { byCode[code] != nil }

    /// The inline form shown on a row: "30011 friend-list group limit reached (32)" ("30011 好友分组数量已达上限（32）"),
    /// plus the service's text for unknown codes.
    public static func inline(_ code: Int, info: String? = nil, in language: Language = .current) -> String {
        if isKnown(code) { return "\(code) \(entry(code).name(in: language))" }
        if let info {
            let said = ServerText.clean(info, limit: 80)
            if !said.isEmpty { return "\(code) \(said)" }
        }
        return "\(code) \(CatalogCommonText.unknownError.text(in: language))"
    }
}

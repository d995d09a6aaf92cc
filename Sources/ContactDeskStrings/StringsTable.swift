/// The whole strings table, for the tests that check it (every key in both languages, the same placeholders)
/// and for `contactdesk`'s own checks. A new key enum is listed here.
public enum StringsTable {
    public struct Entry: Sendable {
        public let key: String
        public let text: Bilingual
    }

    public static var entries: [Entry] {
        func all<K: LocalizedText>(_ type: K.Type) -> [Entry] {
            type.allCases.map { Entry(key: "\(type).\($0)", text: $0.bilingual) }
        }
        var out = all(Strings.self)
        out += all(APIText.self)
        out += all(CatalogCommonText.self)
        out += CatalogText.entries
        out += all(EditText.self)
        out += all(ProfileText.self)
        return out
    }
}

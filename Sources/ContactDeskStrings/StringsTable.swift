/// The whole strings table, for the tests that check it (every key in both languages, the same placeholders).
/// A new key enum is listed here.
public enum StringsTable {
    public struct Entry: Sendable {
        public let key: String
        public let text: Bilingual
    }

    public static var entries: [Entry] {
        func all<K: LocalizedText>(_ type: K.Type) -> [Entry] {
            type.allCases.map { Entry(key: "\(type).\($0)", text: $0.bilingual) }
        }
        let footers = KeyText.allCases.compactMap { k in k.footer.map { Entry(key: "KeyText.\(k).footer", text: $0) } }
        var out = all(Strings.self) + all(UIText.self) + all(StatusText.self) + all(KeyText.self) + all(KeyContextText.self) + footers
        out += all(ConfigText.self) + all(CLIText.self)
        out += all(APIText.self) + all(CatalogCommonText.self) + CatalogText.entries + all(EditText.self) + all(ProfileText.self)
        out += all(GroupText.self) + all(CSVText.self)
        return out
    }
}

import ContactDeskStrings
import ContactDeskUI
import Testing

/// The strings table: every key in both languages with the same named placeholders, and the language chosen
/// from the flag, the config and the locale in that order.
@Suite struct StringsTableTests {
    /// Texts that read the same in both languages (names, codes) or differ only by full-width punctuation
    /// around placeholders ("{path}: {problem}" / "{path}：{problem}").
    static let sameInBothLanguages: Set<String> = [
        "StatusText.sortUserID", "StatusText.fileFailed", "CLIText.fileProblem", "CLIText.errorsContactDesk",
        "APIText.callFailed", "APIText.callFailedWithInfo", "APIText.transportHTTPStatus", "EditText.fieldMessage", "EditText.problemLine",
        "EditText.fileProblemAt", "UIText.summaryFailed", "UIText.fieldHeading", "UIText.nicknameAfter", "GroupText.cliMoved", "GroupText.cliResult", "GroupText.cliProblem",
        "CSVText.csvProblem", "CSVText.csvProblemWithColumn", "CSVText.dryRunChange",
    ]

    @Test func everyKeyHasAChineseTextWithTheEnglishPlaceholders() {
        let entries = StringsTable.entries
        #expect(entries.count > 300, "the table lists every key enum (\(entries.count) entries)")
        #expect(Set(entries.map(\.key)).count == entries.count, "keys are unique")
        for e in entries {
            #expect(!e.text.en.isEmpty && !e.text.zh.isEmpty, "\(e.key) lacks a text")
            #expect(TextTemplate.placeholders(e.text.en) == TextTemplate.placeholders(e.text.zh),
                    "\(e.key): English uses \(TextTemplate.placeholders(e.text.en).sorted()), Chinese \(TextTemplate.placeholders(e.text.zh).sorted())")
            if e.text.zh == e.text.en {
                #expect(Self.sameInBothLanguages.contains(e.key), "\(e.key) has no Chinese text: \(e.text.zh)")
            } else {
                // A Chinese text is written in Chinese, not the English copied over (placeholders and codes aside).
                let hasHan = e.text.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
                #expect(hasHan || Self.sameInBothLanguages.contains(e.key), "\(e.key) is not Chinese: \(e.text.zh)")
            }
            // Braces balance, so no placeholder is left half-written.
            let open = e.text.en.replacingOccurrences(of: "{{", with: "").filter { $0 == "{" }.count
            let close = e.text.en.replacingOccurrences(of: "}}", with: "").filter { $0 == "}" }.count
            #expect(open == close, "\(e.key): unbalanced braces")
        }
    }

    @Test func namedPlaceholdersAndPluralFormsPerLanguage() {
        let t = Bilingual("{count} staged {count:change is|changes are} for {account}", "{account} 有 {count} 项更改")
        #expect(t.text(["count": 1, "account": "demo_alice"], in: .en) == "1 staged change is for demo_alice")
        #expect(t.text(["count": 3, "account": "demo_alice"], in: .en) == "3 staged changes are for demo_alice")
        #expect(t.text(["count": 0, "account": "a"], in: .en) == "0 staged changes are for a")
        #expect(t.text(["count": 1, "account": "demo_alice"], in: .zh) == "demo_alice 有 1 项更改")
        #expect(Bilingual("{{literal}} {x}", "{{字面}} {x}").text(["x": "y"], in: .zh) == "{字面} y")
        // A missing argument stays visible rather than vanishing.
        #expect(Bilingual("a {b}", "甲 {b}").text([:], in: .en) == "a {b}")
        #expect(TextTemplate.placeholders("{count} {count:a|b} {name}") == ["count", "name"])
    }

    @Test(arguments: [
        ("zh_CN.UTF-8", Language.zh), ("zh_CN.utf8", .zh), ("zh_SG.UTF-8", .zh), ("zh_Hans_CN.UTF-8", .zh), ("zh", .zh), ("zh_CN", .zh),
        ("zh_CN.GB18030", .zh), ("zh_TW.UTF-8", .en), ("zh_HK.UTF-8", .en), ("zh_Hant_TW", .en), ("zh_MO.UTF-8", .en),
        ("C.UTF-8", .en), ("C", .en), ("POSIX", .en), ("en_US.UTF-8", .en), ("ja_JP.UTF-8", .en), ("", .en),
    ])
    func aLocaleNameChoosesTheLanguage(locale: String, language: Language) {
        #expect(Language.forLocale(locale) == language)
    }

    @Test func lcAllThenLcMessagesThenLangDecide() {
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "C.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_SG.UTF-8"]) == .zh, "empty variables are unset")
        #expect(Language.fromEnvironment(["LC_CTYPE": "zh_CN.UTF-8"]) == nil, "LC_CTYPE is the character set, not the language")
    }

    @Test func theFlagBeatsTheConfigWhichBeatsTheLocale() {
        let zhLocale = ["LANG": "zh_CN.UTF-8"]
        #expect(Language.resolve(flag: .en, config: "zh", environment: zhLocale).language == .en)
        #expect(Language.resolve(flag: nil, config: "en", environment: zhLocale).language == .en)
        #expect(Language.resolve(flag: nil, config: "zh", environment: ["LANG": "C.UTF-8"]).language == .zh)
        #expect(Language.resolve(flag: nil, config: nil, environment: zhLocale).language == .zh)
        #expect(Language.resolve(flag: nil, config: nil, environment: [:]).language == .en)
        let bad = Language.resolve(flag: nil, config: "klingon", environment: zhLocale)
        #expect(bad.language == .zh && bad.problem?.contains("language = \"klingon\"") == true && bad.problem?.contains("\"zh\"") == true)
        #expect(Language(argument: "zh-CN") == .zh && Language(argument: "EN") == .en && Language(argument: "fr") == nil)
    }

    @Test func configReadsLanguageAndAmbiguousWidth() {
        let ok = UIConfig.parse("language = \"zh\"\nambiguous_width = 2\n", file: "config.toml")
        #expect(ok.language == "zh" && ok.ambiguousWidth == 2 && ok.problems.isEmpty)
        let bad = UIConfig.parse("language = 2\nambiguous_width = 3\n", file: "config.toml")
        #expect(bad.language == nil && bad.ambiguousWidth == nil && bad.problems.count == 2, "\(bad.problems)")
    }

    @Test func everyActionHasHelpInBothLanguagesAndTheFooterActionsALabel() {
        for action in ActionID.allCases {
            #expect(KeyText(rawValue: action.rawValue) != nil, "\(action.rawValue) has no help text")
        }
        for context in KeyContext.allCases { #expect(KeyContextText(rawValue: context.rawValue) != nil) }
        Language.$scoped.withValue(.zh) {
            #expect(ActionID.submit.footer == "提交" && ActionID.changeSet.summary.contains("已暂存"))
        }
        #expect(ActionID.submit.footer == "submit")
    }
}

import ChatAPI
import ContactDeskStrings
import ContactDeskUI
import ContactEditing
import Testing
import TestSupport

/// The main screens in Simplified Chinese at 80x24 (and the smallest size), as snapshots, with the texts that
/// must be whole checked by name: Chinese takes two cells a character, so a label that fits in English can be cut.
@Suite struct ChineseScreenTests {
    func render(_ s: AppState) -> Canvas { Screen.render(s) }

    func zh<T>(_ body: () throws -> T) rethrows -> T { try Language.$scoped.withValue(.zh) { try body() } }

    func expect(_ canvas: Canvas, _ name: String, whole parts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        RenderTests().expectSnapshot(canvas, name, sourceLocation: sourceLocation)
        let text = canvas.snapshot
        for part in parts { #expect(text.contains(part), "\(name): \"\(part)\" is cut or missing\n\(text)", sourceLocation: sourceLocation) }
        // The terminal cannot write the bottom-right cell without scrolling, so nothing may need it.
        #expect(canvas[canvas.width - 1, canvas.height - 1].text == " ", "\(name): the footer reaches the last cell", sourceLocation: sourceLocation)
    }

    @Test func theListHeaderFooterAndStatusInChinese() {
        zh {
            var s = RenderTests.state(width: 80, height: 24)
            expect(render(s), "zh-list-80x24", whole: ["5 位好友", "已标记 1", "已暂存 0", "备注", "分组", "/ 筛选", "Space 标记", "e 编辑", "b 批量",
                                                       "c 变更集", "S 提交", "? 帮助", "q 退出", "已加载 5 位好友"])
            for c in "/田中" { _ = Reducer.reduce(&s, .key(.char(c))) }
            expect(render(s), "zh-filter-80x24", whole: ["1 个匹配（Enter 保留，Esc 清除）"])
        }
    }

    @Test func helpInChinese() {
        zh {
            var s = RenderTests.state(width: 80, height: 24)
            _ = Reducer.reduce(&s, .key(.char("?")))
            expect(render(s), "zh-help-80x24", whole: ["帮助 · 任意键关闭 · j/k 滚动", "好友列表", "下一位好友", "按 UserID、昵称、备注或分组筛选（Esc 清除）"])
        }
    }

    @Test func theEditFormAndTheChangeSetInChinese() {
        zh {
            var s = RenderTests.state(width: 80, height: 24)
            s.configuredFields = ["Tier", "Ticket"]
            _ = Reducer.reduce(&s, .key(.char("k")))
            _ = Reducer.reduce(&s, .key(.char("e")))
            _ = Reducer.reduce(&s, .key(.ctrl("u")))
            for c in "老客户 🐼" { _ = Reducer.reduce(&s, .key(.char(c))) }
            expect(render(s), "zh-edit-form-80x24", whole: ["编辑 c0002 · Enter 暂存 · Esc 取消", "备注", "分组", "新分组", "已选 1 个 · 3 个分组"])
            _ = Reducer.reduce(&s, .key(.enter))
            #expect(s.status?.text == "已暂存 c0002：共暂存 1 项")
            _ = Reducer.reduce(&s, .key(.char("c")))
            expect(render(s), "zh-change-set-80x24", whole: ["变更集：1 位好友的 1 个已暂存字段", "旧 -> 新", "d 丢弃", "/ 搜索 · Esc 返回"])
        }
    }

    @Test func theSubmitAndQuitDialogsInChinese() {
        zh {
            var s = RenderTests.state(width: 80, height: 24)
            _ = Reducer.reduce(&s, .key(.char("e")))
            for c in "新" { _ = Reducer.reduce(&s, .key(.char(c))) }
            _ = Reducer.reduce(&s, .key(.enter))
            _ = Reducer.reduce(&s, .key(.char("S")))
            expect(render(s), "zh-submit-80x24", whole: ["将 demo_alice（应用 1400000000）中 1 位好友的", "送到服务端？", "y 提交 · 其他任意键：否（默认）"])
            _ = Reducer.reduce(&s, .key(.char("n")))
            #expect(s.status?.text == "未提交")
            _ = Reducer.reduce(&s, .key(.char("q")))
            expect(render(s), "zh-quit-80x24", whole: ["退出 ContactDesk？", "1 项已暂存的更改尚未提交", "y 退出 · 其他任意键：不退出（默认）"])
        }
    }

    @Test func aGroupLimitRowReadsInChineseWithTheServicesOwnText() {
        zh {
            var s = OperatorPolishTests.submittedState(width: 80, height: 24)
            s.cursor = s.visible.firstIndex { s.friends[$0].id == "c0002" }!
            _ = Reducer.reduce(&s, .key(.char("v")))
            let meaning = ErrorCatalog.entry(30011)
            #expect(meaning.name != ErrorCatalog.entry(30011).name(in: .en), "the catalog's name is translated")
            expect(render(s), "zh-detail-30011-80x24", whole: [
                "结果：✗ 30011 " + meaning.name, "含义：", "服务端返回：Err_SNS_FriendUpdate_Group_Num_Limit", "处理建议：",
            ])
        }
    }

    @Test func theBulkFormAndTheSmallestScreenInChinese() {
        zh {
            var s = RenderTests.state(width: 80, height: 24)
            _ = Reducer.reduce(&s, .key(.char("b")))
            expect(render(s), "zh-bulk-80x24", whole: ["批量编辑 1 位已标记好友 · Enter 暂存 · Esc 取消", "◂ 加入分组 ▸", "1 位已标记好友中有 0 位会更改"])
            _ = Reducer.reduce(&s, .key(.escape))
            _ = Reducer.reduce(&s, .resized(width: 50, height: 10))
            let small = render(s)
            RenderTests().expectSnapshot(small, "zh-list-50x10")
            #expect(small.lines.last?.contains("? 帮助") == true && small.lines.last?.contains("q 退出") == true, "\(small.snapshot)")
            _ = Reducer.reduce(&s, .resized(width: 30, height: 8))
            #expect(render(s).snapshot.contains("终端窗口太小：30x8"))
        }
    }

    /// The same screens without a scoped language stay English: the table's default is English.
    @Test func withoutAChoiceTheScreensStayEnglish() {
        let text = render(RenderTests.state(width: 80, height: 24)).snapshot
        #expect(text.contains("5 friends") && text.contains("? help") && !text.contains("帮助"))
    }
}

/// Ambiguous-width symbols: which ones the screens draw (measured over the main screens in both languages),
/// and that `ambiguous_width = 2` leaves none of them for a terminal to draw two cells wide.
@Suite struct AmbiguousWidthTests {
    /// East Asian Width "A" among symbols and punctuation (Unicode's EastAsianWidth.txt; letters left out).
    static func isAmbiguousSymbol(_ s: Unicode.Scalar) -> Bool {
        let ranges: [ClosedRange<UInt32>] = [
            0xA7...0xA8, 0xB0...0xB4, 0xB6...0xBA, 0xD7...0xD7, 0xF7...0xF7,
            0x2010...0x2010, 0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022, 0x2024...0x2027, 0x2030...0x2030,
            0x2032...0x2033, 0x2035...0x2035, 0x203B...0x203B, 0x203E...0x203E,
            0x2190...0x2199, 0x21B8...0x21B9, 0x21D2...0x21D2, 0x21D4...0x21D4, 0x21E7...0x21E7,
            0x2500...0x254B, 0x2550...0x2573, 0x2580...0x258F, 0x2592...0x2595, 0x25A0...0x25A1, 0x25A3...0x25A9,
            0x25B2...0x25B3, 0x25B6...0x25B7, 0x25BC...0x25BD, 0x25C0...0x25C1, 0x25C6...0x25C8, 0x25CB...0x25CB,
            0x25CE...0x25D1, 0x25E2...0x25E5, 0x25EF...0x25EF, 0x2605...0x2606, 0x203B...0x203B,
        ]
        return ranges.contains { $0.contains(s.value) }
    }

    static func screens(_ language: Language) -> [String] {
        Language.$scoped.withValue(language) {
            var out: [String] = []
            var s = OperatorPolishTests.submittedState(width: 80, height: 24)
            out.append(Screen.render(s).snapshot)
            for key in ["?", "v", "e", "b", "c", "o", "S", "q"] {
                var t = s
                _ = Reducer.reduce(&t, .key(.char(Character(key))))
                out.append(Screen.render(t).snapshot)
            }
            _ = Reducer.reduce(&s, .key(.tab))
            out.append(Screen.render(s).snapshot)
            return out
        }
    }

    @Test(arguments: [Language.en, .zh])
    func theStandInsCoverEverySymbolTheScreensDraw(language: Language) {
        let drawn = Set(Self.screens(language).joined().unicodeScalars.filter(Self.isAmbiguousSymbol))
        // Measured: the screens do draw them (box lines, ·, …, arrows, ●), so a wide-ambiguous terminal needs the option.
        #expect(drawn.count >= 5, "\(drawn.map { String($0) }.sorted())")
        for s in drawn { #expect(AmbiguousWidth.standIn(Character(s)) != nil, "U+\(String(s.value, radix: 16)) \(s) has no stand-in") }
        let narrowed = Self.screens(language).map(AmbiguousWidth.narrow)
        #expect(!narrowed.joined().unicodeScalars.contains(where: Self.isAmbiguousSymbol))
    }

    @Test func everyStandInIsOneCellLikeWhatItReplaces() {
        for (from, to) in AmbiguousWidth.standIns {
            #expect(DisplayWidth.of(from) == 1 && DisplayWidth.of(to) == 1 && to.isASCII, "\(from) -> \(to)")
        }
        #expect(AmbiguousWidth.narrow("a · b … ─│→ 田中 ✓") == "a . b ~ -|> 田中 ✓")
    }
}

/// Chinese wraps between characters, keeping punctuation with its neighbour.
@Suite struct ChineseWrapTests {
    @Test func chineseBreaksBetweenCharactersNotBeforeClosingPunctuation() {
        let lines = TextWrap.lines("1 项已暂存的更改尚未提交；暂存记录会保留它们。", width: 16)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 16 }, "\(lines)")
        #expect(lines.first == "1 项已暂存的更改", "\(lines)")
        #expect(!lines.dropFirst().contains { $0.hasPrefix("；") || $0.hasPrefix("。") }, "\(lines)")
        #expect(lines.joined() == "1 项已暂存的更改尚未提交；暂存记录会保留它们。")
        #expect(TextWrap.lines("a long English line breaks at spaces", width: 12) == ["a long", "English line", "breaks at", "spaces"])
        #expect(TextWrap.lines("（全部）好友", width: 4) == ["（全", "部）", "好友"])
    }
}

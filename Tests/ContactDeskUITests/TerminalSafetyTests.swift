import ChatAPI
import ContactDeskStrings
import ContactDeskUI
import ContactEditing
import Foundation
import Logging
import Testing
import TestSupport

/// Every control character (C0, DEL, C1) and bidirectional override through each output path: the sanitiser,
/// the canvas, the friend table, CSV and JSON, the log file; ASCII symbols; colour depth; copying.
@Suite struct TerminalSafetyTests {
    /// Every scalar no terminal may receive as it is.
    static let dangerous: [Unicode.Scalar] = ((0x00...0x1F).map { $0 } + [0x7F] + (0x80...0x9F).map { $0 } + (0x202A...0x202E).map { $0 }
        + (0x2066...0x2069).map { $0 }).compactMap(Unicode.Scalar.init)

    static func controls(_ text: String, keeping: Set<UInt32> = [0x0A]) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { !keeping.contains($0) && ServerText.needsEscape(Unicode.Scalar($0)!) }
    }

    @Test func theSanitiserShowsEveryControlCharacterAndEmitsNone() {
        for u in Self.dangerous {
            let text = "a" + String(Character(u)) + "b"
            let shown = ServerText.visible(text)
            #expect(Self.controls(shown, keeping: []).isEmpty, "U+\(String(u.value, radix: 16)) came through: \(shown.debugDescription)")
            if u.value != 0x09 && u.value != 0x0A { #expect(shown.contains("\\"), "U+\(String(u.value, radix: 16)) is not visible") }
        }
        #expect(ServerText.visible("\u{1b}]0;x\u{07}") == "\\x1b]0;x\\x07")
        #expect(ServerText.visible("\u{202e}rtl") == "\\u202ertl")
        #expect(ServerText.visible("a\r\nb\rc", keepingNewlines: true) == "a\r\nb\\x0dc")
        #expect(ServerText.visible("plain 田中 🍜") == "plain 田中 🍜")
    }

    @Test func theCanvasDrawsEscapesAndCountsThemAsDrawn() {
        for u in Self.dangerous {
            let text = "x" + String(Character(u)) + "y"
            var canvas = Canvas(width: 20, height: 1, role: .row)
            let used = canvas.put(text, x: 0, y: 0, role: .row)
            let drawn = canvas.lines[0]
            let escape = ServerText.escape(u) ?? "?"
            #expect(Self.controls(drawn, keeping: []).isEmpty, "U+\(String(u.value, radix: 16)) reached the canvas")
            // Drawn as its escape, and counted as drawn: layout and screen agree.
            #expect(drawn.hasPrefix("x" + escape + "y"), "U+\(String(u.value, radix: 16)): \(drawn)")
            #expect(used == 2 + escape.count && DisplayWidth.of(text) == used, "U+\(String(u.value, radix: 16)): \(used)")
        }
        // A whole screen with an evil nickname: nothing raw, the text visible.
        var s = RenderTests.state(width: 120, height: 30)
        s.friends[0].nickname = "\u{1b}]52;c;eA==\u{07}\u{9b}2J\u{202e}evil"
        let screen = Screen.render(s).snapshot
        #expect(Self.controls(screen).isEmpty && screen.contains("\\x1b]52;c;eA==\\x07\\x9b2"), "\(screen)")
    }

    @Test func theFriendTableCSVAndJSONCarryNoControlCharacter() throws {
        let all = String(String.UnicodeScalarView(Self.dangerous))
        let roster = Roster(account: "a", friends: [Friend(id: "x\u{1b}", nickname: all, remark: all, groups: [all], custom: ["Tier": all])])
        let table = FriendListFormatter.table(roster)
        #expect(Self.controls(table).isEmpty && table.contains("\\x1b"))
        let csv = FriendListFormatter.csv(roster)
        #expect(Self.controls(csv, keeping: [0x0A, 0x0D]).isEmpty && csv.contains("\\x7f") && csv.contains("\\u2069"))
        let json = FriendListFormatter.json(roster)
        #expect(Self.controls(json).isEmpty, "\(Self.controls(json))")
        let rows = try JSONValue.parse(Data(json.utf8)).elements
        #expect(rows.first?["Nickname"] == .string(all) && rows.first?["UserID"] == .string("x\u{1b}"), "JSON reads back the very text")
    }

    @Test func theLogFileGetsOneCleanLinePerEvent() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("log")
        let make = try FileLogHandler.open(url, level: .debug)
        let logger = Logger(label: "t", factory: make)
        logger.error("service said \u{1b}]0;PWNED\u{07}\nsecond line", metadata: ["info": "\(String(String.UnicodeScalarView(Self.dangerous)))"])
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 1 && Self.controls(text).isEmpty && text.contains("\\x1b]0;PWNED\\x07"), "\(text)")
    }

    @Test func asciiScreensDrawNoBoxOrMarkerGlyphAndKeepTheData() {
        let symbols = Set(Glyphs.standIns.keys.flatMap(\.unicodeScalars))
        Glyphs.$scoped.withValue(true) {
            var s = OperatorPolishTests.submittedState(width: 80, height: 24)
            var screens = [Screen.render(s).snapshot]
            for key in ["?", "e", "b", "c", "o", "v", "S"] {
                var t = s
                _ = Reducer.reduce(&t, .key(.char(Character(key))))
                screens.append(Screen.render(t).snapshot)
            }
            _ = Reducer.reduce(&s, .key(.tab))
            screens.append(Screen.render(s).snapshot)
            for screen in screens {
                #expect(!screen.unicodeScalars.contains { symbols.contains($0) }, "\(screen)")
            }
            let list = screens[0]
            #expect(list.contains(" | demo_alice | ") && list.contains("黄芳") && list.contains("🍜 田中さくら"), "\(list)")
            #expect(list.contains("* x c0002"), "the marked row's mark and failed marker in ASCII:\n\(list)")
            #expect(list.contains("+ c0001") && list.contains("x c0002"), "result markers in ASCII:\n\(list)")
            #expect(screens[1].contains("+-") && screens[1].contains("| "), "box in ASCII:\n\(screens[1])")
            #expect(SubmitOutcome.failed(code: 30011, info: "").inline.hasPrefix("x 30011"))
            // A form's error line, and a text that names the symbols themselves, which stays as written.
            var form = OperatorPolishTests.submittedState(width: 80, height: 24)
            _ = Reducer.reduce(&form, .key(.char("e")))
            for c in String(repeating: "长", count: 40) { _ = Reducer.reduce(&form, .key(.char(c))) }
            _ = Reducer.reduce(&form, .key(.enter))
            let error = Screen.render(form).snapshot
            #expect(error.contains("x ") && error.contains("96") && !error.unicodeScalars.contains { symbols.contains($0) }, "\(error)")
            #expect(ConfigText.ambiguousWidthBad.text(["file": "f"]).contains("·, …, ─, →"))
        }
        #expect(Glyphs.localeIsUTF8(["LANG": "zh_CN.UTF-8"]) && Glyphs.localeIsUTF8(["LC_ALL": "C.utf8"]))
        #expect(!Glyphs.localeIsUTF8([:]) && !Glyphs.localeIsUTF8(["LANG": "en_US.ISO-8859-1"]) && !Glyphs.localeIsUTF8(["LC_ALL": "C", "LANG": "C.UTF-8"]))
        #expect(Glyphs.localeIsUTF8(["LC_CTYPE": "C.UTF-8", "LANG": "C"]))
    }

    @Test func colourDepthFromFlagConfigAndCOLORTERM() {
        #expect(ColorDepth(argument: "24bit") == .direct && ColorDepth(argument: "truecolor") == .direct && ColorDepth(argument: "256") == .indexed)
        #expect(ColorDepth(argument: "0") == ColorDepth.none && ColorDepth(argument: "8") == .eight && ColorDepth(argument: "lots") == nil)
        #expect(ColorDepth.wanted(flag: nil, config: nil, environment: ["COLORTERM": "truecolor"]) == .direct)
        #expect(ColorDepth.wanted(flag: nil, config: nil, environment: ["COLORTERM": "24bit"]) == .direct)
        #expect(ColorDepth.wanted(flag: nil, config: nil, environment: ["COLORTERM": "yes"]) == nil)
        #expect(ColorDepth.wanted(flag: nil, config: .eight, environment: ["COLORTERM": "truecolor"]) == .eight)
        #expect(ColorDepth.wanted(flag: .indexed, config: .eight, environment: [:]) == .indexed)
        let c = UIConfig.parse("colors = 256\nascii = true\n", file: "config.toml")
        #expect(c.colors == .indexed && c.ascii == true && c.problems.isEmpty)
        #expect(UIConfig.parse("colors = \"24bit\"\n", file: "f").colors == .direct)
        #expect(UIConfig.parse("colors = 99\nascii = 1\n", file: "f").problems.count == 2)
        // GNU screen passes COLORTERM on but cannot draw 24-bit colour; tmux (TMUX set) can.
        #expect(ColorDepth.wanted(flag: nil, config: nil, environment: ["COLORTERM": "truecolor", "TERM": "screen-256color"]) == nil)
        #expect(ColorDepth.wanted(flag: nil, config: nil, environment: ["COLORTERM": "truecolor", "TERM": "screen-256color", "TMUX": "/tmp/t"]) == .direct)
        // A direct-colour entry reads 8 and up as 0xRRGGBB: indexed colours go as their RGB, 0-7 stay ANSI slots.
        let direct = 0x1000000
        #expect(ThemeColor.index(3).number(forColors: direct) == 3)
        #expect(ThemeColor.index(245).number(forColors: direct) == 0x8A8A8A)
        #expect(ThemeColor.index(16).number(forColors: direct) == 8, "black from the cube must not land on an ANSI slot")
        #expect(ThemeColor.rgb(0, 0, 1).number(forColors: direct) == 8 && ThemeColor.rgb(0x5f, 0xaf, 0xff).number(forColors: direct) == 0x5FAFFF)
        #expect(ThemeColor.index(245).number(forColors: 256) == 245)
    }

    @Test func yAndYCopyTheUserIDAndTheRowsDetail() {
        var s = OperatorPolishTests.submittedState(width: 80, height: 24)
        s.cursor = s.visible.firstIndex { s.friends[$0].id == "c0002" }!
        #expect(Reducer.reduce(&s, .key(.char("y"))) == [.copy("c0002")])
        #expect(s.status?.text.hasPrefix("copied c0002") == true)
        let effects = Reducer.reduce(&s, .key(.char("Y")))
        guard case .copy(let detail)? = effects.first else { Issue.record("no copy: \(effects)"); return }
        #expect(detail.contains("c0002") && detail.contains("30011") && detail.contains("delete an unused group first"), "\(detail)")
        #expect(s.status == .copiedDetail(subject: "c0002", lines: detail.split(separator: "\n", omittingEmptySubsequences: false).count))
        // A line feed inside a nickname cannot start a line of its own in the paste.
        var evil = s
        evil.friends[evil.visible[evil.cursor]].nickname = "x\nrm -rf ~\n"
        guard case .copy(let pasted)? = Reducer.reduce(&evil, .key(.char("Y"))).first else { Issue.record("no copy"); return }
        #expect(!pasted.split(separator: "\n").contains { $0.hasPrefix("rm ") } && Self.controls(pasted).isEmpty, "\(pasted)")
        // On the change-set screen: the entry's friend, and the entry as old -> new.
        _ = Reducer.reduce(&s, .key(.char("e")))
        for c in "!" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.enter))
        _ = Reducer.reduce(&s, .key(.char("c")))
        #expect(Reducer.reduce(&s, .key(.char("y"))) == [.copy("c0002")])
        guard case .copy(let entry)? = Reducer.reduce(&s, .key(.char("Y"))).first else { Issue.record("no entry copy"); return }
        #expect(entry.hasPrefix("c0002 remark: ") && entry.contains(" -> "), "\(entry)")
    }
}

import ChatAPI
import Foundation
import Testing
import TestSupport

/// The program in Chinese as an operator runs it: LANG=zh_CN.UTF-8 (not installed on this host, as on a stock
/// Debian), the emulator's demo data, a filter, an edit, a submit whose row fails with 30011, read in Chinese
/// beside the service's own text; and English kept for LANG=C.UTF-8, for --lang en, and for config.toml's choice.
@Suite(.serialized) struct ChineseEndToEndTests {
    static func tui(_ url: String, env: [String: String], lang: String, extra: String = "") throws -> TmuxSession {
        let bin = TmuxSession.quote(CommandRunner.contactdesk.path)
        return try TmuxSession(command: "\(bin) --account demo_alice --endpoint \(url) --sdkappid \(TestCredentials.sdkAppID) --admin \(TestCredentials.admin) \(extra); echo EXIT=$?; sleep 30",
                               width: 80, height: 24, environment: env.merging(["TERM": "xterm-256color", "LANG": lang]) { $1 })
    }

    @Test func aChineseSessionFiltersEditsAndReadsA30011RowInChinese() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText])
        let sandbox = try BackgroundProcess(["sandbox", "--fault", "sns/friend_update:row=30011/c0001"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        let t = try Self.tui(url, env: env, lang: "zh_CN.UTF-8")
        let list = try t.waitFor("已加载 50 位好友")
        #expect(list.contains("昵称") && list.contains("备注") && list.contains("? 帮助") && list.contains("q 退出"), "\(list)")
        try t.send("/")
        try t.send("c0001", literal: true)
        try t.waitFor("1 个匹配")
        try t.send("Enter")
        try t.waitFor("筛选“c0001”：1 个匹配")
        try t.send("e")
        try t.waitFor("编辑 c0001 · Enter 暂存 · Esc 取消")
        try t.send("C-u")
        try t.send("新备注", literal: true)
        try t.send("Enter")
        try t.waitFor("已暂存 c0001：共暂存 1 项")
        try t.send("S")
        let dialog = try t.waitFor("y 提交 · 其他任意键：否（默认）")
        #expect(dialog.contains("1 位好友的 1 项已暂存的"), "\(dialog)")
        try t.send("y")
        // On the status line: the code, our Chinese name and hint, and the service's own text as it sent it.
        let result = try t.waitFor("c0001：✗ 30011 好友分组数量已达上限（32）")
        #expect(result.contains("请使用已有分组") && result.contains("服务端返回：Injected: friend-list group limit reached (32)"), "\(result)")
        #expect(result.split(separator: "\n")[2].contains("✗ c0001"), "the row's marker:\n\(result)")
        try t.send("v")
        let detail = try t.waitFor("处理建议：")
        for part in ["结果：✗ 30011 好友分组数量已达上限（32）", "含义：", "服务端返回：Injected: friend-list group limit reached (32)"] {
            #expect(detail.contains(part), "\"\(part)\" missing:\n\(detail)")
        }
        try t.send("Escape")
        try t.waitFor("detail closed") { !$0.contains("处理建议：") }
        try t.send("q")
        try t.waitFor("退出 ContactDesk？")
        try t.send("y")
        try t.waitFor("EXIT=0")
    }

    @Test func langEnAndACLocaleStayEnglish() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText])
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        for (lang, extra) in [("zh_CN.UTF-8", "--lang en"), ("C.UTF-8", "")] {
            let t = try Self.tui(url, env: env, lang: lang, extra: extra)
            let screen = try t.waitFor("50 friends loaded")
            #expect(screen.contains("? help") && !screen.contains("帮助"), "\(lang) \(extra):\n\(screen)")
            try t.send("q")
            try t.waitFor("EXIT=0")
        }
    }

    /// The subcommands follow the same order: --lang, config.toml's language, LC_ALL, LC_MESSAGES, LANG.
    @Test func theSubcommandsSpeakTheChosenLanguage() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func errors(_ extra: [String: String], _ args: [String] = []) throws -> String {
            let out = try CommandRunner.run(["errors", "30011"] + args, environment: CommandRunner.environment(state: dir, extra: extra))
            #expect(out.status == 0, "\(out.stderr)")
            return out.stdout + out.stderr
        }
        #expect(try errors(["LANG": "zh_CN.UTF-8"]).contains("好友分组数量已达上限"))
        #expect(try errors(["LANG": "zh_SG.UTF-8"]).contains("好友分组数量已达上限"))
        #expect(try errors(["LANG": "C.UTF-8"]).contains("friend-list group limit reached (32)"))
        #expect(try errors(["LANG": "zh_TW.UTF-8"]).contains("friend-list group limit reached (32)"), "Traditional Chinese locales get English")
        #expect(try errors(["LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"]).contains("friend-list group limit reached"), "LC_ALL wins")
        #expect(try errors(["LANG": "C.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"]).contains("好友分组数量已达上限"))
        #expect(try errors(["LANG": "zh_CN.UTF-8"], ["--lang", "en"]).contains("friend-list group limit reached"))
        let config = dir.appendingPathComponent("config/contactdesk")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "language = \"zh\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        #expect(try errors(["LANG": "C.UTF-8"]).contains("好友分组数量已达上限"), "config.toml's language beats the locale")
        #expect(try errors(["LANG": "C.UTF-8"], ["--lang", "en"]).contains("friend-list group limit reached"), "--lang beats config.toml")
        try "language = \"fr\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let bad = try errors(["LANG": "zh_CN.UTF-8"])
        #expect(bad.contains("language = \"fr\"") && bad.contains("好友分组数量已达上限"), "an unknown value is reported and the locale decides:\n\(bad)")
    }
}

import ContactDeskUI
import Testing

/// Readline keys on a text field; the cursor is shown as "|" in the expected strings.
@Suite struct TextFieldTests {
    func apply(_ start: String, _ keys: [Key]) -> TextField {
        var f = TextField(start)
        for k in keys { f.handle(k) }
        return f
    }

    @Test func movementIsByGraphemeSoCJKAndEmojiMoveWhole() {
        #expect(apply("老客户🐼", [.left]).marked == "老客户|🐼")
        #expect(apply("老客户🐼", [.left, .left, .char("新")]).marked == "老客新|户🐼")
        #expect(apply("👩‍💻ab", [.home, .right]).marked == "👩‍💻|ab")
        #expect(apply("abc", [.ctrl("a")]).marked == "|abc")
        #expect(apply("abc", [.ctrl("a"), .ctrl("e")]).marked == "abc|")
    }

    @Test func killAndYank() {
        #expect(apply("hello world", [.ctrl("w")]).marked == "hello |")
        #expect(apply("hello world", [.ctrl("w"), .ctrl("a"), .ctrl("y")]).marked == "world|hello ")
        #expect(apply("hello world", [.alt("b"), .ctrl("k")]).marked == "hello |")
        #expect(apply("hello world", [.alt("b"), .ctrl("u")]).marked == "|world")
        #expect(apply("王 先生", [.alt("b"), .alt("b"), .alt("f")]).marked == "王| 先生")
        #expect(apply("ab", [.backspace, .backspace, .backspace]).marked == "|")
        #expect(apply("ab", [.home, .delete]).marked == "|b")
    }

    @Test func theWindowKeepsTheCursorVisible() {
        let f = TextField(String(repeating: "备", count: 20))
        let (text, col) = f.window(width: 10)
        #expect(DisplayWidth.of(text) <= 10 && col <= 9)
        #expect(text.hasSuffix("备"))
    }
}

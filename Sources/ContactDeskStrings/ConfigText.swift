/// Problems in config.toml and theme files, the terminal check, and the friend table's headings. Each names
/// the file (and line), what is wrong and the fix; TOML keys and values stay as they are written.
public enum ConfigText: LocalizedText {
    case notTOML, themeNotString, languageNotString, ambiguousWidthBad, keysNotList, colorsBad, colorsFallback, asciiBad
    case builtInTheme, noSuchTheme, cannotRead, themeNotTOML, themeUnknownKey, themeLoop, themeTooDeep, paletteColour, styleColour
    case styleAttrsList, styleAttrUnknown, unknownRole, styleNotTable, styleUnknownField
    case terminalFix, terminalUnset, terminalNoCursor, terminalFallback, terminalNoEntry
    case tableFooter

    public var bilingual: Bilingual {
        switch self {
        case .notTOML: Bilingual("{file}:{line}: not valid TOML: {error}; using defaults", "{file}:{line}：不是有效的 TOML：{error}；使用默认设置")
        case .themeNotString: Bilingual("{file}: theme must be a name or a path in quotes", "{file}：theme 必须是加引号的名称或路径")
        case .languageNotString: Bilingual("{file}: language must be \"en\" or \"zh\" in quotes", "{file}：language 必须是加引号的 \"en\" 或 \"zh\"")
        case .ambiguousWidthBad: Bilingual("{file}: ambiguous_width must be 1 or 2 (2 when the terminal draws ·, …, ─, → two cells wide)",
                                           "{file}：ambiguous_width 必须是 1 或 2（终端把 ·、…、─、→ 画成两格宽时用 2）", mapsSymbols: false)
        case .asciiBad: Bilingual("{file}: ascii must be true or false", "{file}：ascii 必须是 true 或 false")
        case .colorsBad: Bilingual("{file}: colors must be 0, 8, 256 or \"24bit\"", "{file}：colors 必须是 0、8、256 或 \"24bit\"")
        case .colorsFallback: Bilingual("{wanted} colours asked for, but TERM={term} has no entry for them here ({entry}); drawing with {colors}",
                                        "要求 {wanted} 色，但本机的 TERM={term} 没有相应条目（{entry}）；改用 {colors} 色")
        case .keysNotList: Bilingual("{file}: [keys] {action} must be a key name or a list, e.g. [\"q\", \"Ctrl-Q\"]",
                                     "{file}：[keys] {action} 必须是按键名或列表，例如 [\"q\", \"Ctrl-Q\"]")
        case .builtInTheme: Bilingual("built-in theme {name}", "内置主题 {name}")
        case .noSuchTheme: Bilingual("no theme named \"{name}\"; available: {available}", "没有名为“{name}”的主题；可用主题：{available}")
        case .cannotRead: Bilingual("cannot be read", "无法读取")
        case .themeNotTOML: Bilingual("not valid TOML: {error}", "不是有效的 TOML：{error}")
        case .themeUnknownKey: Bilingual("unknown key \"{key}\"; a theme has name, inherits, monochrome, [palette] and [styles]",
                                         "未知的键“{key}”；主题只有 name、inherits、monochrome、[palette] 和 [styles]")
        case .themeLoop: Bilingual("inherits \"{parent}\" in a loop ({chain}); remove one inherits", "inherits “{parent}”形成循环（{chain}）；请删除其中一个 inherits")
        case .themeTooDeep: Bilingual("inherits more than {depth} themes deep; inherit from a theme nearer the base", "inherits 超过 {depth} 层；请继承更接近基础的主题")
        case .paletteColour: Bilingual("colour for palette \"{key}\" is not #rrggbb, 0-255, one of {names} or default",
                                       "palette “{key}”的颜色不是 #rrggbb、0-255、{names} 之一或 default")
        case .styleColour: Bilingual("{field} of \"{role}\" is {value}: use #rrggbb, 0-255, a colour name, default, or a palette name ({palette})",
                                     "“{role}”的 {field} 是 {value}：请用 #rrggbb、0-255、颜色名、default 或调色板名（{palette}）")
        case .styleAttrsList: Bilingual("{field} of \"{role}\" must be a list such as [\"bold\"]", "“{role}”的 {field} 必须是列表，例如 [\"bold\"]")
        case .styleAttrUnknown: Bilingual("{field} of \"{role}\" has {value}; attributes are {attributes}", "“{role}”的 {field} 含有 {value}；可用属性：{attributes}")
        case .unknownRole: Bilingual("unknown role \"{key}\"; roles are {roles}", "未知角色“{key}”；可用角色：{roles}")
        case .styleNotTable: Bilingual("style of \"{key}\" must be a table such as {{ fg = \"red\", attrs = [\"bold\"] }}",
                                       "“{key}”的样式必须是表，例如 {{ fg = \"red\", attrs = [\"bold\"] }}")
        case .styleUnknownField: Bilingual("style of \"{key}\" has unknown field \"{field}\"; use fg, bg, attrs, mono", "“{key}”的样式有未知字段“{field}”；请用 fg、bg、attrs、mono")
        case .terminalFix: Bilingual("run it in a terminal such as xterm, tmux or PuTTY with TERM set to its name (e.g. TERM=xterm-256color)",
                                     "请在 xterm、tmux 或 PuTTY 等终端中运行，并把 TERM 设为其名称（例如 TERM=xterm-256color）")
        case .terminalUnset: Bilingual("TERM is not set, so the screen cannot be drawn; {fix}", "未设置 TERM，无法绘制界面；{fix}")
        case .terminalNoCursor: Bilingual("TERM={term} cannot move the cursor, so the screen cannot be drawn; {fix}. For scripts, use the subcommands instead (contactdesk friends list, contactdesk apply)",
                                          "TERM={term} 无法移动光标，无法绘制界面；{fix}。脚本请改用子命令（contactdesk friends list、contactdesk apply）")
        case .terminalFallback: Bilingual("TERM={term} has no terminfo here; using {fallback} (to install the right one: infocmp -x | ssh HOST tic -x -)",
                                          "本机没有 TERM={term} 的 terminfo；改用 {fallback}（安装正确的条目：infocmp -x | ssh HOST tic -x -）")
        case .terminalNoEntry: Bilingual("TERM={term} has no terminfo entry here, nor do xterm-256color, xterm or vt100; install ncurses-base or ncurses-term",
                                         "本机没有 TERM={term} 的 terminfo 条目，也没有 xterm-256color、xterm 或 vt100；请安装 ncurses-base 或 ncurses-term")
        case .tableFooter: Bilingual("{count} {count:friend|friends} of {account}", "{account} 的 {count} 位好友")
        }
    }
}

import ContactDeskUI
import ContactEditing

/// A keystroke in the filter with 10,000 friends loaded: the reducer and a full render of the frame,
/// which is what the run loop does before ncurses sends the difference.
enum FilterScenario {
    static let queries = ["田中", "vip", "u01", "billing", "ramen", "さくら", "gold", "zz"]

    static func run(friends count: Int, width: Int, height: Int) -> [Finding] {
        var state = AppState(info: AppInfo(sdkAppID: 1_400_000_000, endpoint: "bench"), account: "bench_big", width: width, height: height)
        _ = Reducer.open(&state, "bench_big")
        let roster = SyntheticRoster.roster(count)
        let (_, loadMs) = timedSync { _ = Reducer.reduce(&state, .rosterLoaded(roster)); _ = Screen.render(state) }
        var keystroke = Sample(), move = Sample()
        var matched = 0
        // Warm up once so the first keystroke does not pay for lazy initialisation.
        for pass in 0..<2 {
            for query in queries {
                _ = Reducer.reduce(&state, .key(.char("/")))
                precondition(state.filtering, "/ did not start the filter")
                for c in query {
                    let (_, ms) = timedSync { _ = Reducer.reduce(&state, .key(.char(c))); _ = Screen.render(state) }
                    if pass == 1 { keystroke.add(ms) }
                }
                matched += state.visible.count
                for _ in query {
                    let (_, ms) = timedSync { _ = Reducer.reduce(&state, .key(.backspace)); _ = Screen.render(state) }
                    if pass == 1 { keystroke.add(ms) }
                }
                _ = Reducer.reduce(&state, .key(.escape))
            }
        }
        precondition(matched > 0 && state.visible.count == count, "the filter matched nothing or did not clear")
        for _ in 0..<200 {
            let (_, ms) = timedSync { _ = Reducer.reduce(&state, .key(.char("j"))); _ = Screen.render(state) }
            move.add(ms)
        }
        // Sorting by nickname orders Chinese names by pinyin: keys for every friend, the first time with no
        // transliteration remembered yet in this process.
        let (_, sortMs) = timedSync { _ = Reducer.reduce(&state, .key(.char("s"))); _ = Screen.render(state) }
        precondition(state.sort == .nickname, "s did not sort by nickname")
        let size = "\(width)x\(height)"
        return [
            Finding(scenario: "filter keystroke, \(count) friends", measure: "reducer + render at \(size), \(keystroke.values.count) keys",
                    value: keystroke.describe(.ms) + ", p90 \(Unit.ms.format(keystroke.percentile(0.9)))",
                    target: "median < 2 ms", met: keystroke.median < 2),
            Finding(scenario: "cursor move, \(count) friends", measure: "reducer + render at \(size), 200 keys", value: move.describe(.ms),
                    target: "", met: nil),
            Finding(scenario: "list loaded, \(count) friends", measure: "rosterLoaded reduce + first render at \(size)",
                    value: Unit.ms.format(loadMs), target: "", met: nil),
            Finding(scenario: "sort by nickname, \(count) friends", measure: "s: pinyin sort keys + render at \(size)",
                    value: Unit.ms.format(sortMs), target: "", met: nil),
        ]
    }
}

import Foundation
import ContactEditing
import ContactDeskStrings

/// What the header says about the connection.
public struct AppInfo: Equatable, Sendable {
    public var sdkAppID: UInt64
    /// Region name or base URL.
    public var endpoint: String
    public var readOnly: Bool
    public init(sdkAppID: UInt64, endpoint: String, readOnly: Bool = false) {
        self.sdkAppID = sdkAppID; self.endpoint = endpoint; self.readOnly = readOnly
    }
}

/// Rows sent so far and in all, while a submit runs.
public struct SubmitProgress: Equatable, Sendable {
    public var done: Int
    public var total: Int
    public init(done: Int, total: Int) { self.done = done; self.total = total }
}

/// Where loading the friend list stands.
public enum LoadState: Equatable, Sendable {
    case idle
    /// Friends received so far.
    case loading(received: Int)
    case loaded
    case failed(String)

    public var isLoading: Bool { if case .loading = self { return true } else { return false } }
}

/// The column the list is sorted by.
public enum SortColumn: String, CaseIterable, Sendable {
    case userID = "UserID", nickname = "Nickname", remark = "Remark", groups = "Groups"

    /// The column's title in the operator's language.
    public var title: String {
        switch self {
        case .userID: StatusText.sortUserID.text
        case .nickname: StatusText.sortNickname.text
        case .remark: StatusText.sortRemark.text
        case .groups: StatusText.sortGroups.text
        }
    }
}

/// A window over the list, if any.
public enum Overlay: Equatable, Sendable {
    case none
    case help(scroll: Int)
    /// Typing an account id; `checking` while account_check runs.
    case openAccount(input: String, error: String?, checking: Bool)
    /// Choosing a group filter; index 0 is "All".
    case groupPane(index: Int)
    /// Naming a new group, renaming one or choosing where to merge it; back to the pane at `paneIndex` after.
    case groupForm(GroupForm)
    /// "Delete group X? N friends leave it" (default No); back to the pane at `index` after.
    case groupDelete(GroupOperationEntry, index: Int)
    case edit(EditForm)
    case bulk(BulkForm)
    /// The change-set screen with its selected entry.
    case changes(cursor: Int)
    /// The journal held staged changes for this account: resume, export or discard them.
    case resume(ChangeSet)
    /// "Submit N changes?" (default No).
    case confirmSubmit(retry: [ChangeEntry]?)
    /// Quit asked for while edits are staged or a submit runs: confirm first (default No).
    case confirmQuit
    /// The filter text is being typed; the status line shows it with its cursor.
    case filter
    /// The selected row's result and the last message in full (`v`).
    case detail(scroll: Int)
}

/// Everything that belongs to one account: its friends and groups, the rows shown, what is marked and
/// filtered, the staged changes, the last submit's results and a submit in flight. One value per account,
/// so a result that arrives late lands on its own account, never on the screen of another.
public struct AccountState: Equatable, Sendable {
    public var friends: [Friend] = [] { didSet { index.friendsChanged() } }
    /// Search text, sort orders and custom keys derived from `friends`; refreshed by `refreshVisible`.
    var index = FriendIndex()
    public var groups: [GroupSummary] = []
    public var load: LoadState = .idle
    /// Indexes into `friends` of the rows shown, filtered and sorted.
    public internal(set) var visible: [Int] = []
    /// Position in `visible` of the selected row.
    public var cursor = 0
    /// First row of `visible` on screen.
    public var scroll = 0
    public var marked: Set<String> = []
    public var filter = ""
    public var groupFilter: String?
    /// The staged edits with undo and redo.
    public var history = ChangeHistory()
    /// The history before the last edit, restored if the journal refuses that edit.
    public var beforeLastEdit: ChangeHistory?
    /// Each friend's outcome at the last submit, shown inline.
    public var results: [String: SubmitOutcome] = [:]
    /// Each group operation's outcome at the last submit (those not done stay staged and show it).
    public var groupResults: [GroupOperation: SubmitOutcome] = [:]
    /// Rows sent so far and in all, while a submit runs.
    public var submitting: SubmitProgress?
    /// When the list shown was saved, while it comes from the cache and is not yet confirmed by the server.
    public var cachedAt: Date?
    /// Staged changes found in the journal, offered once no form or dialog is open.
    public var pendingResume: ChangeSet?

    public init() {}

    /// Whether leaving this account would lose something the screen still needs: a submit in flight or its results.
    var worthKeeping: Bool { submitting != nil || !results.isEmpty }
}

/// Everything the screen shows; changed only by `reduce`.
public struct AppState: Equatable, Sendable {
    public var info: AppInfo
    public var account: String
    /// The account on screen.
    public var current = AccountState()
    /// Accounts left with a submit in flight or its results, by account: restored when opened again.
    public var others: [String: AccountState] = [:]

    // The open account's parts, forwarded so views and features read them as before.
    public var friends: [Friend] { get { current.friends } set { current.friends = newValue } _modify { yield &current.friends } }
    public var groups: [GroupSummary] { get { current.groups } set { current.groups = newValue } _modify { yield &current.groups } }
    public var load: LoadState { get { current.load } set { current.load = newValue } }
    public var visible: [Int] { current.visible }
    public var cursor: Int { get { current.cursor } set { current.cursor = newValue } }
    public var scroll: Int { get { current.scroll } set { current.scroll = newValue } }
    public var marked: Set<String> { get { current.marked } set { current.marked = newValue } _modify { yield &current.marked } }
    public var filter: String { get { current.filter } set { current.filter = newValue } _modify { yield &current.filter } }
    public var groupFilter: String? { get { current.groupFilter } set { current.groupFilter = newValue } }
    public var history: ChangeHistory { get { current.history } set { current.history = newValue } _modify { yield &current.history } }
    public var beforeLastEdit: ChangeHistory? { get { current.beforeLastEdit } set { current.beforeLastEdit = newValue } }
    public var results: [String: SubmitOutcome] { get { current.results } set { current.results = newValue } _modify { yield &current.results } }
    public var groupResults: [GroupOperation: SubmitOutcome] { get { current.groupResults } set { current.groupResults = newValue } }
    public var submitting: SubmitProgress? { get { current.submitting } set { current.submitting = newValue } }
    public var cachedAt: Date? { get { current.cachedAt } set { current.cachedAt = newValue } }

    /// The filter is being typed (the `/` overlay).
    public var filtering: Bool { overlay == .filter }
    /// The group pane lists groups by member count, emptiest first (else in the service's order).
    public var groupPaneByCount = false
    public var sort: SortColumn = .userID
    public var descending = false
    /// One line of news or error for the status bar: a typed message, worded in StatusMessage.
    public var status: StatusMessage?
    /// Whether the status line shows an error.
    public var statusIsError: Bool { status?.isError ?? false }
    /// Problems found at start (theme, key map, journal): shown on the status line until a key is pressed,
    /// whatever the first load says meanwhile.
    public var startupProblems: String?
    public var overlay: Overlay = .none
    public var width: Int
    public var height: Int
    /// Advances while something runs, for the spinner.
    public var tick = 0
    public var keyMap: KeyMap
    public var quitting = false
    /// The change-set screen's search (`/` there): the text, and whether it is being typed.
    public var reviewSearch = ""
    public var reviewSearching = false
    /// Custom fields the profile says the app has configured, besides those seen on friends.
    public var configuredFields: Set<String> = []
    /// The form an edit came from until its journal write is known: a refused write reopens it with the reason,
    /// so the operator's typing is never lost.
    public var formAwaitingSave: Overlay?
    /// Whether a submit runs for any account, the one on screen or one left behind.
    public var anySubmitRunning: Bool { current.submitting != nil || others.values.contains { $0.submitting != nil } }

    /// Loading while a list is already shown (from the cache, or kept during `R`), as opposed to a first load.
    public var isRefreshing: Bool {
        guard case .loading(let received) = load, !friends.isEmpty else { return false }
        return cachedAt != nil || received == 0
    }

    /// The smallest screen the list can be drawn on.
    public static let minimumWidth = 50
    public static let minimumHeight = 10

    public init(info: AppInfo, account: String, width: Int = 80, height: Int = 24, keyMap: KeyMap = .standard) {
        self.info = info; self.account = account; self.width = width; self.height = height; self.keyMap = keyMap
    }

    /// Friend list rows that fit between the column headings and the status line.
    public var listHeight: Int { max(1, height - 4) }
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The selected friend, if any row is shown.
    public var selected: Friend? {
        // `visible` may still index an older list while `friends` is being replaced.
        guard visible.indices.contains(cursor), friends.indices.contains(visible[cursor]) else { return nil }
        return friends[visible[cursor]]
    }

    /// Custom field keys shown as columns: configured ones and any a friend has.
    public var customFields: [String] {
        let seen = current.index.isCurrent ? current.index.customKeys : Set(friends.flatMap { $0.custom.keys })
        return Array(configuredFields.union(seen)).sorted()
    }

    /// The key of a field of a friend of the open account.
    public func key(_ friend: String, _ field: FieldKey) -> EntryKey {
        EntryKey(app: info.sdkAppID, account: account, friend: friend, field: field)
    }

    /// The staged value of a field, if any.
    public func staged(_ friend: String, _ field: FieldKey) -> FieldValue? { history.current.staged(key(friend, field)) }

    /// Friends of the open account with staged fields.
    /// (The change set only ever holds the open account's entries: the journal is loaded per account.)
    public var stagedFriends: Set<String> { history.current.friends }

    /// Recomputes `visible` from the filter, group and sort, keeping the selected friend where possible.
    public mutating func refreshVisible() { refreshVisible(keeping: selected?.id) }

    /// The same, keeping the cursor on friend `keep` (taken before `friends` was replaced, since `visible`
    /// still indexes the old list).
    public mutating func refreshVisible(keeping keep: String?) {
        // Locals, not the forwarding properties: a closure run per friend must not go through a getter each time.
        let friends = current.friends
        current.index.update(friends)
        let needle = Array(current.filter.lowercased().utf8)
        let order = current.index.sorted(friends, by: sort, descending: descending)
        let groupFilter = current.groupFilter
        if needle.isEmpty && groupFilter == nil {
            current.visible = order
        } else {
            let index = current.index
            current.visible = order.filter { i in
                if let g = groupFilter, !friends[i].groups.contains(g) { return false }
                return needle.isEmpty || index.matches(i, needle)
            }
        }
        if let keep, let pos = current.visible.firstIndex(where: { friends[$0].id == keep }) { current.cursor = pos }
        clampCursor()
    }

    /// Keeps the cursor on a row and the row on screen.
    public mutating func clampCursor() {
        cursor = max(0, min(cursor, visible.count - 1))
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + listHeight { scroll = cursor - listHeight + 1 }
        scroll = max(0, min(scroll, max(0, visible.count - listHeight)))
    }
}

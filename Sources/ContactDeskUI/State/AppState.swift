import Foundation
import ContactEditing

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
}

/// A window over the list, if any.
public enum Overlay: Equatable, Sendable {
    case none
    case help(scroll: Int)
    /// Typing an account id; `checking` while account_check runs.
    case openAccount(input: String, error: String?, checking: Bool)
    /// Choosing a group filter; index 0 is "All".
    case groupPane(index: Int)
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
}

/// Everything the screen shows; changed only by `reduce`.
public struct AppState: Equatable, Sendable {
    public var info: AppInfo
    public var account: String
    public var friends: [Friend] = [] { didSet { index.friendsChanged() } }
    /// Search text, sort orders and custom keys derived from `friends`; refreshed by `refreshVisible`.
    private var index = FriendIndex()
    public var groups: [GroupSummary] = []
    public var load: LoadState = .idle
    /// Indexes into `friends` of the rows shown, filtered and sorted.
    public private(set) var visible: [Int] = []
    /// Position in `visible` of the selected row.
    public var cursor = 0
    /// First row of `visible` on screen.
    public var scroll = 0
    public var marked: Set<String> = []
    public var filter = ""
    /// True while the operator types the filter.
    /// The filter is being typed (the `/` overlay).
    public var filtering: Bool { overlay == .filter }
    public var groupFilter: String?
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
    /// The staged edits with undo and redo.
    public var history = ChangeHistory()
    /// The history before the last edit, restored if the journal refuses that edit.
    public var beforeLastEdit: ChangeHistory?
    /// Each friend's outcome at the last submit, shown inline.
    public var results: [String: SubmitOutcome] = [:]
    /// Rows sent so far and in all, while a submit runs.
    public var submitting: SubmitProgress?
    /// When the list shown was saved, while it comes from the cache and is not yet confirmed by the server.
    public var cachedAt: Date?
    /// Custom fields the profile says the app has configured, besides those seen on friends.
    public var configuredFields: Set<String> = []
    /// The form an edit came from until its journal write is known: a refused write reopens it with the reason,
    /// so the operator's typing is never lost.
    public var formAwaitingSave: Overlay?

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
        let seen = index.isCurrent ? index.customKeys : Set(friends.flatMap { $0.custom.keys })
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
        index.update(friends)
        let needle = Array(filter.lowercased().utf8)
        let order = index.sorted(friends, by: sort, descending: descending)
        if needle.isEmpty && groupFilter == nil {
            visible = order
        } else {
            visible = order.filter { i in
                if let g = groupFilter, !friends[i].groups.contains(g) { return false }
                return needle.isEmpty || index.matches(i, needle)
            }
        }
        if let keep, let pos = visible.firstIndex(where: { friends[$0].id == keep }) { cursor = pos }
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

import ChatAPI
import ContactDeskStrings
import ContactDeskUI
import ContactEditing
import Foundation

/// `friends list` as pages arrive: a page's rows are printed, in order, once its nicknames are in, so a long
/// list starts scrolling after the first round trips instead of at the end. The columns are fixed by the first
/// page (custom fields it has, plus those the profile names); table widths too (at most 32 columns, longer
/// values cut with "…").
actor FriendRowStream {
    enum Format { case table, csv }
    private let format: Format
    private let bom: Bool
    private let configured: [String]
    private var pages: [[Friend]] = []
    private var nicknames: [String: String] = [:]
    private var customFields: [String]?
    private var widths: [Int] = []
    private(set) var printed = 0
    /// Custom fields first seen after the header was written: their values could not be shown.
    private(set) var lateFields: Set<String> = []

    init(format: Format, bom: Bool, configured: [String]) { self.format = format; self.bom = bom; self.configured = configured }

    func take(_ progress: RosterProgress) {
        switch progress {
        case .page(let friends): pages.append(friends)
        case .nicknames(let batch): nicknames.merge(batch) { $1 }
        }
        flush()
    }

    /// Prints the pages whose nicknames have all answered (a friend without one answers with "").
    private func flush() {
        while let page = pages.first, page.allSatisfy({ nicknames[$0.id] != nil }) {
            pages.removeFirst()
            var friends = page
            for i in friends.indices { friends[i].nickname = nicknames.removeValue(forKey: friends[i].id) ?? "" }
            write(friends)
        }
    }

    private func write(_ friends: [Friend]) {
        if customFields == nil {
            let fields = Array(Set(configured).union(friends.flatMap { $0.custom.keys })).sorted()
            customFields = fields
            header(friends, fields)
        }
        let fields = customFields!
        for f in friends { lateFields.formUnion(f.custom.keys.filter { !fields.contains($0) }) }
        switch format {
        case .csv:
            print(FriendCSV.rows(friends, customFields: fields), terminator: "")
        case .table:
            for f in friends { print(FriendListFormatter.line(FriendListFormatter.cells(f, customFields: fields), widths)) }
        }
        printed += friends.count
    }

    private func header(_ first: [Friend], _ fields: [String]) {
        switch format {
        case .csv:
            print(FriendCSV.header(customFields: fields, bom: bom), terminator: "")
        case .table:
            let head = FriendListFormatter.headings(customFields: fields)
            let rows = first.map { FriendListFormatter.cells($0, customFields: fields) }
            widths = FriendListFormatter.widths(head, rows)
            print(FriendListFormatter.line(head, widths))
        }
    }
}

/// What a piece of the screen is; a theme decides how each role looks.
public enum Role: String, CaseIterable, Sendable, Hashable {
    case header, footer, row
    case rowSelected = "row.selected"
    case rowMarked = "row.marked"
    case columnHeading = "column.heading"
    case staged, conflict
    case resultOK = "result.ok"
    case resultError = "result.error"
    case diffOld = "diff.old"
    case diffNew = "diff.new"
    case formLabel = "form.label"
    case formField = "form.field"
    case formFieldFocused = "form.field.focused"
    case formError = "form.error"
    case dialog, help
    case groupPane = "group.pane"
    case progress
}

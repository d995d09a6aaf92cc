import ContactDeskStrings

extension FieldKey {
    /// The field's name on screen, in the operator's language (`description` is its stable id in files and
    /// the journal): "remark" / "备注", "custom:Tier" / "自定义:Tier".
    public var title: String {
        switch self {
        case .remark: UIText.fieldRemark.text
        case .groups: UIText.fieldGroups.text
        case .custom(let name): UIText.fieldCustom.text(["name": name])
        }
    }
}

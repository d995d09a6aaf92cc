/// The version printed by `contactdesk --version` and sent nowhere else.
public enum ContactDeskVersion {
    /// Semantic version of this build.
    public static let string = "0.1.0"
}

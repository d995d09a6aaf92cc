/// Counted nouns, one rule for every message: "1 friend", "2 friends", "0 friends".
public enum Plural {
    /// "`n` `singular`" or "`n` `plural`" (plural defaults to singular + "s").
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}

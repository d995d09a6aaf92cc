import ContactEditing

/// Something that happened: a key, a resize, or the result of an effect.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// Friends received so far while the list loads.
    case rosterProgress([Friend])
    case nicknames([String: String])
    case rosterLoaded(Roster)
    case rosterFailed(message: String)
    case accountChecked(id: String, exists: Bool)
    case accountCheckFailed(message: String)
    /// Time passed while work runs (spinner).
    case tick
}

/// Work for the run loop to do; it answers with actions.
public enum Effect: Equatable, Sendable {
    case loadRoster(account: String)
    case checkAccount(String)
    case quit
}

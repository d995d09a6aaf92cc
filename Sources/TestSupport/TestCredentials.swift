import ChatAPI

/// The app every test and the demo use; the key is the documented vector's.
public enum TestCredentials {
    public static let sdkAppID: UInt64 = 1_400_000_000
    public static let admin = "administrator"
    public static let keyText = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
    public static var key: SecretKey { SecretKey(keyText) }
}

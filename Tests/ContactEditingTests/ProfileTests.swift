import ChatAPI
import ContactEditing
import Testing

@Suite struct ProfileTests {
    @Test func aCompleteProfile() throws {
        let p = try ProfileLoader.parse("""
            [profiles.sg]
            sdkappid = 1400000001
            region = "singapore"
            admin = "administrator"
            key_file = "/home/op/.config/contactdesk/sg.key"
            theme = "light"
            read_only = true
            custom_fields = ["Tier", "Ticket"]
            """, file: "config.toml", name: "sg")
        #expect(p.sdkAppID == 1_400_000_001 && p.endpoint.baseURL == "https://adminapisgp.im.qcloud.com" && p.admin == "administrator")
        #expect(p.credentials == .keyFile("/home/op/.config/contactdesk/sg.key") && p.theme == "light" && p.readOnly)
        #expect(p.customFields == ["Tier", "Ticket"])
    }

    @Test(arguments: [
        ("[profiles.x]\nregion = \"china\"\nadmin = \"a\"\nkey_env = \"K\"\n", "sdkappid = N is missing"),
        ("[profiles.x]\nsdkappid = 1\nadmin = \"a\"\nkey_env = \"K\"\n", "region = \"singapore\""),
        ("[profiles.x]\nsdkappid = 1\nregion = \"mars\"\nadmin = \"a\"\nkey_env = \"K\"\n", "unknown region \"mars\""),
        ("[profiles.x]\nsdkappid = 1\nbase_url = \"http://example.com\"\nadmin = \"a\"\nkey_env = \"K\"\n", "use https"),
        ("[profiles.x]\nsdkappid = 1\nregion = \"china\"\nadmin = \"a\"\n", "exactly one of key_env"),
        ("[profiles.x]\nsdkappid = 1\nregion = \"china\"\nadmin = \"a\"\nkey_env = \"K\"\nkey = \"oops\"\n", "a secret never goes in this file"),
        ("[profiles.y]\nsdkappid = 1\n", "no such profile; profiles are y"),
    ])
    func mistakesNameTheProfileAndTheFix(_ text: String, _ message: String) {
        do { _ = try ProfileLoader.parse(text, file: "config.toml", name: "x"); Issue.record("accepted") } catch {
            #expect(error.description.contains(message), "\(error)")
            #expect(error.description.contains("config.toml"))
        }
    }

    /// Wrong types, bad numbers and unknown keys are refused with the file, the line, the key and the type.
    @Test(arguments: [
        ("read_only = \"yes\"", 6, "read_only: must be true or false (found \"yes\")"),
        ("admn = \"x\"", 6, "admn: unknown key; did you mean admin?"),
        ("custom_fields = \"Tier\"", 6, "custom_fields: must be a list of field names"),
        ("custom_fields = [\"Tier_2\"]", 6, "custom_fields: \"Tier_2\" is not a custom friend field key"),
        ("key_fille = \"/k\"", 6, "key_fille: unknown key; did you mean key_file?"),
        ("usersig_comand = \"x\"", 6, "usersig_comand: unknown key; did you mean usersig_command?"),
        ("theme = 3", 6, "theme: must be a theme name or path in quotes (found 3)"),
    ])
    func strictKeysAndTypes(_ extra: String, _ line: Int, _ message: String) {
        let text = "[profiles.x]\nsdkappid = 1400000000\nregion = \"china\"\nadmin = \"a\"\nkey_env = \"K\"\n\(extra)\n"
        do { _ = try ProfileLoader.parse(text, file: "config.toml", name: "x"); Issue.record("accepted \(extra)") } catch {
            #expect(error.description.hasPrefix("config.toml:\(line) [profiles.x] \(message)"), "\(error)")
        }
    }

    @Test func aQuotedSdkAppIDIsATypeErrorNotMissing() {
        do { _ = try ProfileLoader.parse("[profiles.x]\nsdkappid = \"14000000x0\"\nregion = \"china\"\nadmin = \"a\"\nkey_env = \"K\"\n",
                                        file: "config.toml", name: "x"); Issue.record("accepted") } catch {
            #expect(error.description.hasPrefix("config.toml:2 [profiles.x] sdkappid: must be a number such as 1400000000 (found \"14000000x0\")"), "\(error)")
        }
    }

    /// A key under another name, or in place of a name or path, is refused without being echoed.
    @Test(arguments: ["secret_key", "secretkey", "SecretKey", "app_key", "usersig"])
    func secretsUnderAnyNameAreRefusedWithoutEchoingThem(_ key: String) {
        let secret = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
        do { _ = try ProfileLoader.parse("[profiles.x]\nsdkappid = 1\nregion = \"china\"\nadmin = \"a\"\nkey_env = \"K\"\n\(key) = \"\(secret)\"\n",
                                        file: "config.toml", name: "x"); Issue.record("accepted \(key)") } catch {
            #expect(error.description.contains("a secret never goes in this file") && !error.description.contains(secret), "\(error)")
        }
        // A hex key that starts with a letter is a valid variable name by its characters; still refused.
        let letterFirst = "abd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
        do { _ = try ProfileLoader.parse("[profiles.x]\nsdkappid = 1\nregion = \"china\"\nadmin = \"a\"\nkey_env = \"\(letterFirst)\"\n",
                                        file: "config.toml", name: "x"); Issue.record("accepted a key as key_env") } catch {
            #expect(error.description.contains("key_env: must") && !error.description.contains(letterFirst), "\(error)")
        }
        // A long but ordinary variable name is fine.
        #expect((try? ProfileLoader.parse("[profiles.x]\nsdkappid = 1\nregion = \"china\"\nadmin = \"a\"\nkey_env = \"CONTACTDESK_SECRET_KEY_FOR_SINGAPORE_PROD\"\n",
                                          file: "config.toml", name: "x")) != nil)
        for field in ["key_env", "key_file"] {
            do { _ = try ProfileLoader.parse("[profiles.x]\nsdkappid = 1\nregion = \"china\"\nadmin = \"a\"\n\(field) = \"\(secret)\"\n",
                                            file: "config.toml", name: "x"); Issue.record("accepted \(field)") } catch {
                #expect(error.description.contains("\(field): must") && !error.description.contains(secret), "\(error)")
            }
        }
    }
}

/// Secrets as values: under any key of any table, a key or a UserSig is refused without being repeated.
@Suite struct ProfileSecretValueTests {
    static let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
    static let base = "[profiles.x]\nsdkappid = 1\nregion = \"china\"\nadmin = \"a\"\nkey_env = \"K\"\n"

    @Test(arguments: [
        base + "theme = \"\(key)\"\n",
        base + "[profiles.y]\nnote = \"\(key)\"\n",
        "top = \"\(key)\"\n" + base,
        base + "custom_fields = [\"Tier\", \"\(key)\"]\n",
    ])
    func aKeyAsAValueIsRefusedWithoutEchoingIt(_ text: String) {
        do { _ = try ProfileLoader.parse(text, file: "config.toml", name: "x"); Issue.record("accepted") } catch {
            #expect(error.description.contains("a secret never goes in this file") && !error.description.contains(Self.key), "\(error)")
        }
    }

    @Test func aUserSigAsAValueIsRefusedWithoutEchoingIt() {
        let sig = UserSig.generate(key: SecretKey("another key of some length"), sdkAppID: 1, identifier: "a")
        do { _ = try ProfileLoader.parse(Self.base + "theme = \"\(sig)\"\n", file: "config.toml", name: "x"); Issue.record("accepted") } catch {
            #expect(error.description.contains("config.toml:6 profiles.x.theme") && !error.description.contains(sig), "\(error)")
        }
    }
}

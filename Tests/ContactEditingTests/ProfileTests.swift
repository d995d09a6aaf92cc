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
        ("[profiles.x]\nsdkappid = 1\nregion = \"china\"\nadmin = \"a\"\nkey_env = \"K\"\nkey = \"oops\"\n", "remove the key from the file"),
        ("[profiles.y]\nsdkappid = 1\n", "no such profile; profiles are y"),
    ])
    func mistakesNameTheProfileAndTheFix(_ text: String, _ message: String) {
        do { _ = try ProfileLoader.parse(text, file: "config.toml", name: "x"); Issue.record("accepted") } catch {
            #expect(error.description.contains(message), "\(error)")
            #expect(error.description.contains("config.toml"))
        }
    }
}

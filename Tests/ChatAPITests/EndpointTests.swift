import Foundation
import Testing
@testable import ChatAPI

@Suite struct EndpointTests {
    @Test func regionTableMatchesTheDocumentation() throws {
        #expect(Region.allCases.count == 8)
        #expect(Endpoint(region: .china).baseURL == "https://console.tim.qq.com")
        #expect(Endpoint(region: .china, backup: true).baseURL == "https://adminapi.my-imcloud.com")
        #expect(Endpoint(region: .singapore).baseURL == "https://adminapisgp.im.qcloud.com")
        #expect(Endpoint(region: .jakarta).baseURL == "https://adminapiidn.im.qcloud.com")
        // Tokyo has no backup domain: asking for it falls back to the primary.
        #expect(Endpoint(region: .tokyo, backup: true).baseURL == "https://adminapijpn.im.qcloud.com")
        #expect(try Endpoint(regionName: "Silicon-Valley").baseURL == "https://adminapiusa.im.qcloud.com")
        #expect(throws: EndpointError.unknownRegion("mars")) { try Endpoint(regionName: "mars") }
    }

    @Test(arguments: ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9000/", "https://example.com"])
    func acceptedBaseURLs(_ url: String) throws {
        let e = try Endpoint(baseURL: url)
        #expect(!e.baseURL.hasSuffix("/"))
    }

    @Test func plainHTTPToARemoteHostIsRefusedWithTheFix() {
        #expect(throws: EndpointError.insecureRemote("http://console.tim.qq.com")) {
            try Endpoint(baseURL: "http://console.tim.qq.com")
        }
        #expect(EndpointError.insecureRemote("x").description.contains("use https"))
        #expect(throws: EndpointError.self) { try Endpoint(baseURL: "ftp://127.0.0.1") }
        #expect(throws: EndpointError.self) { try Endpoint(baseURL: "not a url") }
        #expect(throws: EndpointError.self) { try Endpoint(baseURL: "https://host/some/path") }
    }

    @Test func requestURLCarriesEveryDocumentedParameter() throws {
        let url = Endpoint(region: .china).url(for: .friendUpdate, sdkAppID: 88_888_888, identifier: "admin",
                                               userSig: "a*b-c_", random: 99_999_999)
        #expect(url == "https://console.tim.qq.com/v4/sns/friend_update?sdkappid=88888888&identifier=admin&usersig=a*b-c_&random=99999999&contenttype=json")
    }

    @Test func randomIsFreshOnEveryCall() throws {
        let e = Endpoint(region: .china)
        let randoms = (0..<50).map { _ -> UInt32 in
            let url = e.url(for: .friendGet, sdkAppID: 1, identifier: "a", userSig: "s")
            let q = URLComponents(string: url)!.queryItems!.first { $0.name == "random" }!.value!
            return UInt32(q)!
        }
        #expect(Set(randoms).count > 45)
    }

    @Test func identifiersAreEscapedAndUserSigsRedacted() {
        let url = Endpoint(region: .china).url(for: .friendGet, sdkAppID: 1, identifier: "管理 员&x", userSig: "SECRET", random: 1)
        #expect(url.contains("identifier=%E7%AE%A1%E7%90%86%20%E5%91%98%26x"))
        #expect(!Redactor.redact(url).contains("SECRET"))
        #expect(Redactor.redact(url).contains("usersig=<UserSig>&random=1"))
    }
}

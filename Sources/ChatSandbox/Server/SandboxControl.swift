import Foundation
import Hummingbird
import NIOCore

/// The emulator-only control endpoint, `/_sandbox/…`. It lets tests and demos change faults and settings of a
/// running emulator; the real Chat service has nothing like it.
///
/// - `GET  /_sandbox/faults` → `{"faults":["spec", …]}`
/// - `POST /_sandbox/faults` with `{"add":["sns/friend_update:code=30008x2"]}` or `{"clear":true}`
/// - `POST /_sandbox/settings` with any of `{"serializeWrites":false,"rateLimit":0,"sensitiveWords":[…],"customFields":[…]}`
/// - `GET  /_sandbox/calls` → calls answered per command; `POST /_sandbox/calls/reset`
enum SandboxControl {
    static func install<C: RequestContext>(on router: Router<C>, engine: SandboxEngine) {
        let group = router.group("_sandbox")
        group.get("faults") { _, _ in json(["faults": .strings(await engine.faultSpecs)]) }
        group.post("faults") { request, _ -> Response in
            let body = try await read(request)
            if case .bool(true)? = body["clear"] { await engine.clearFaults() }
            if let specs = body["add"]?.stringList {
                for spec in specs {
                    do { await engine.addFault(try FaultRule.parse(spec)) } catch {
                        return json(["error": .string("\(error)")], status: .badRequest)
                    }
                }
            }
            return json(["faults": .strings(await engine.faultSpecs)])
        }
        group.post("settings") { request, _ -> Response in
            let body = try await read(request)
            if case .bool(let on)? = body["serializeWrites"] { await engine.setSerializeWrites(on) }
            if case .int(let n)? = body["rateLimit"] { await engine.setRateLimit(Int(n)) }
            if let words = body["sensitiveWords"]?.stringList { await engine.setSensitiveWords(words) }
            for key in body["customFields"]?.stringList ?? [] { await engine.addCustomField(key) }
            return json(["serializeWrites": .bool(await engine.serializeWrites), "rateLimit": .int(Int64(await engine.rateLimit))])
        }
        group.get("calls") { _, _ in
            json(Dictionary(uniqueKeysWithValues: await engine.callCounts.map { ($0.key, Wire.int(Int64($0.value))) }))
        }
        group.post("calls/reset") { _, _ in
            await engine.resetCallCounts()
            return json([:])
        }
    }

    static func read(_ request: Request) async throws -> [String: Wire] {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        guard let o = Wire.object(from: Data(buffer.readableBytesView)) else { throw HTTPError(.badRequest, message: "expected a JSON object") }
        return o
    }

    static func json(_ fields: [String: Wire], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONEncoder().encode(Wire.object(fields))) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

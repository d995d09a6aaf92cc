/// Texts of ChatAPI an operator reads: why a call failed, why no secret key or UserSig could be had, a wrong
/// endpoint, a network failure. Command names, UserID, SDKAppID, identifier, ActionStatus, ErrorCode, TLS.* field
/// names, `--key-file` and `chmod 600` stay as they are in both languages.
public enum APIText: LocalizedText {
    // ChatError
    case callFailed
    case callFailedWithInfo
    case callTransportFailed
    case callUnexpectedReply
    case callCredentials
    case hintTransport
    case hintProtocol
    case hintCredentials
    // Protocol errors: what was wrong with a reply
    case replyRequestNotEncodable
    case replyNotJSONObject
    case replyNoStatus
    case replyWrongTypes
    case replyStartIndexStuck
    case replyNoCompleteFlag
    case replyEmptyPage
    case replyTooManyFriends
    case replyFriendNumOutOfRange
    case replyTooFewFriends
    // Rows
    case rowNotSent
    case rowEarlierCallFailed
    case rowNoResultItem
    case rowNoInfoItem
    case rowNoProfile
    case rowNoResult
    case userSigExpiredClock
    case userSigExpiredClockWithInfo
    // KeyLoadError
    case keyMissing
    case keyUnreadable
    case keyUnreadableNotAFile
    case keyTooOpen
    case keyEmpty
    // EndpointError
    case endpointInvalidURL
    case endpointInsecureRemote
    case endpointUnknownRegion
    // UserSigError
    case userSigUndecodable
    case userSigBadSignature
    case userSigExpired
    case userSigWrongApp
    case userSigWrongIdentifier
    case userSigReasonEmpty
    case userSigReasonNotBase64
    case userSigReasonNotZlib
    case userSigReasonNotJSONObject
    case userSigReasonNotANumber
    case userSigReasonMissing
    case userSigReasonNegative
    case userSigReasonFieldNotBase64
    // TransportError
    case transportTimeout
    case transportConnection
    case transportTLS
    case transportHTTPStatus
    case transportCancelled
    case transportNoHandle
    case transportReplyTooLarge
    // StatePathError
    case stateFolderCannotBeCreated
    case stateFolderFileInTheWay

    public var bilingual: Bilingual {
        switch self {
        case .callFailed: Bilingual("{command}: {error}. {hint}", "{command}：{error}。{hint}")
        case .callFailedWithInfo: Bilingual("{command}: {error} ({info}). {hint}", "{command}：{error}（{info}）。{hint}")
        case .callTransportFailed:
            Bilingual("{command}: {error} (after {count} {count:attempt|attempts}). Check the network, proxy and base URL.",
                      "{command}：{error}（已尝试 {count} 次）。请检查网络、代理和接口地址（--endpoint / base_url）。")
        case .callUnexpectedReply: Bilingual("{command}: unexpected reply, {reason}: {excerpt}", "{command}：回复异常，{reason}：{excerpt}")
        case .callCredentials: Bilingual("credentials: {message}", "凭据：{message}")
        case .hintTransport:
            Bilingual("Check the network, proxy and base URL; the rows were not confirmed.", "请检查网络、代理和接口地址（--endpoint / base_url）；这些行未得到确认。")
        case .hintProtocol:
            Bilingual("The server did not answer like the Chat API; check the base URL.", "服务端的回复不符合即时通信 IM REST API；请检查接口地址（--endpoint / base_url）。")
        case .hintCredentials: Bilingual("Check the profile's credential source.", "请检查配置档的凭据来源。")

        case .replyRequestNotEncodable: Bilingual("request could not be encoded", "请求无法编码")
        case .replyNotJSONObject: Bilingual("not a JSON object", "不是 JSON 对象")
        case .replyNoStatus: Bilingual("no ActionStatus or ErrorCode", "没有 ActionStatus 或 ErrorCode")
        case .replyWrongTypes: Bilingual("fields of the wrong type ({detail})", "字段类型错误（{detail}）")
        case .replyStartIndexStuck: Bilingual("NextStartIndex does not advance past {start}", "NextStartIndex 未越过 {start}")
        case .replyNoCompleteFlag:
            Bilingual("CompleteFlag is {value} (0 or 1 expected): the list cannot be known to be complete",
                      "CompleteFlag 为 {value}（应为 0 或 1）：无法确认列表完整")
        case .replyEmptyPage: Bilingual("a page at {start} has no friends but the list is not complete", "起始于 {start} 的页没有好友，但列表未结束")
        case .replyTooManyFriends: Bilingual("{count} friends read, more than FriendNum {total}", "已读取 {count} 位好友，多于 FriendNum {total}")
        case .replyFriendNumOutOfRange: Bilingual("FriendNum {total} is not between 0 and {limit}", "FriendNum {total} 不在 0 到 {limit} 之间")
        case .replyTooFewFriends: Bilingual("the list ended after {count} friends, FriendNum says {total}", "列表在 {count} 位好友后结束，而 FriendNum 为 {total}")

        case .rowNotSent: Bilingual("✗ not sent", "✗ 未发送")
        case .rowEarlierCallFailed: Bilingual("an earlier call failed with {error}", "之前的调用已失败：{error}")
        case .rowNoResultItem: Bilingual("no ResultItem for this friend in the reply", "回复中没有此好友的 ResultItem")
        case .rowNoInfoItem: Bilingual("no InfoItem for this friend in the reply", "回复中没有此好友的 InfoItem")
        case .rowNoProfile: Bilingual("no profile in the reply", "回复中没有该账号的资料")
        case .rowNoResult: Bilingual("no result in the reply", "回复中没有该账号的结果")
        case .userSigExpiredClock:
            Bilingual("the service says this UserSig expired: check this machine's clock (NTP); local time is {time}, the UserSig was made {seconds} s ago",
                      "服务端称此 UserSig 已过期：请检查本机时钟（NTP）；本地时间为 {time}，该 UserSig 生成于 {seconds} 秒前")
        case .userSigExpiredClockWithInfo:
            Bilingual("the service says this UserSig expired: check this machine's clock (NTP); local time is {time}, the UserSig was made {seconds} s ago ({info})",
                      "服务端称此 UserSig 已过期：请检查本机时钟（NTP）；本地时间为 {time}，该 UserSig 生成于 {seconds} 秒前（{info}）")

        case .keyMissing:
            Bilingual("no secret key: set {variable} in the environment or pass --key-file PATH (a file only you can read)",
                      "没有密钥：请在环境变量中设置 {variable}，或传入 --key-file PATH（只有你能读取的文件）")
        case .keyUnreadable: Bilingual("key file {path} cannot be read: {reason}", "无法读取密钥文件 {path}：{reason}")
        case .keyUnreadableNotAFile: Bilingual("permission denied or not a file", "没有权限或不是文件")
        case .keyTooOpen:
            Bilingual("key file {path} is readable by group or others (mode {mode}); run: chmod 600 {path}",
                      "密钥文件 {path} 可被同组或其他用户读取（权限 {mode}）；请运行：chmod 600 {path}")
        case .keyEmpty: Bilingual("the secret key from {source} is empty", "来自 {source} 的密钥为空")

        case .endpointInvalidURL:
            Bilingual("base URL \"{url}\" is not an http(s) URL with a host; use e.g. https://console.tim.qq.com",
                      "接口地址 \"{url}\" 不是带主机名的 http(s) URL；请使用如 https://console.tim.qq.com 的地址")
        case .endpointInsecureRemote:
            Bilingual("base URL \"{url}\" uses plain http to a host that is not loopback; use https (http is only for 127.0.0.1, ::1 or localhost)",
                      "接口地址 \"{url}\" 对非本机主机使用明文 http；请使用 https（http 仅限 127.0.0.1、::1 或 localhost）")
        case .endpointUnknownRegion:
            Bilingual("unknown region \"{region}\"; use one of {regions} or a base URL", "未知地域 \"{region}\"；请使用 {regions} 之一，或使用接口地址（--endpoint / base_url）")

        case .userSigUndecodable: Bilingual("UserSig cannot be decoded: {reason}", "UserSig 无法解码：{reason}")
        case .userSigBadSignature:
            Bilingual("UserSig signature does not match the secret key (wrong key, or the UserSig was altered)",
                      "UserSig 签名与密钥不符（密钥错误，或 UserSig 已被改动）")
        case .userSigExpired: Bilingual("UserSig expired at {time}; make a new one", "UserSig 已于 {time} 过期；请生成新的 UserSig")
        case .userSigWrongApp: Bilingual("UserSig is for SDKAppID {found}, not {expected}", "UserSig 属于 SDKAppID {found}，而不是 {expected}")
        case .userSigWrongIdentifier:
            Bilingual("UserSig is for identifier \"{found}\", not \"{expected}\"", "UserSig 属于 identifier \"{found}\"，而不是 \"{expected}\"")
        case .userSigReasonEmpty: Bilingual("it is empty", "内容为空")
        case .userSigReasonNotBase64: Bilingual("not base64", "不是 base64")
        case .userSigReasonNotZlib: Bilingual("not zlib data", "不是 zlib 数据")
        case .userSigReasonNotJSONObject: Bilingual("not a JSON object", "不是 JSON 对象")
        case .userSigReasonNotANumber: Bilingual("{field} is missing or not a number", "{field} 缺失或不是数字")
        case .userSigReasonMissing: Bilingual("{field} is missing", "缺少 {field}")
        case .userSigReasonNegative: Bilingual("{field} is negative", "{field} 为负数")
        case .userSigReasonFieldNotBase64: Bilingual("{field} is not base64", "{field} 不是 base64")

        case .transportTimeout: Bilingual("timed out: {message}", "超时：{message}")
        case .transportConnection: Bilingual("connection failed: {message}", "连接失败：{message}")
        case .transportTLS: Bilingual("TLS failed: {message}; check the CA file option or the proxy", "TLS 失败：{message}；请检查 CA 文件选项或代理")
        case .transportHTTPStatus: Bilingual("HTTP {status}: {excerpt}", "HTTP {status}：{excerpt}")
        case .transportCancelled: Bilingual("cancelled", "已取消")
        case .transportNoHandle: Bilingual("libcurl could not create a handle", "libcurl 无法创建句柄")
        case .transportReplyTooLarge: Bilingual("reply larger than {limit} bytes", "回复超过 {limit} 字节")

        case .stateFolderCannotBeCreated: Bilingual("{path} cannot be created: {reason}", "无法创建 {path}：{reason}")
        case .stateFolderFileInTheWay: Bilingual("a file of that name is in the way (not a folder)", "已有同名文件占用该路径（不是文件夹）")
        }
    }
}

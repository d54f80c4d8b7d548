/// A JSON-RPC request id: a number or a string, echoed back as it came.
public enum RequestID: Codable, Hashable, Sendable {
    case number(Int)
    case string(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        }
    }
}

/// A JSON-RPC error object, with the codes the protocol defines.
public struct ResponseError: Codable, Hashable, Sendable, Error {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
}

/// The parts of any incoming message that decide what it is: a request has an id and a method,
/// a notification only a method, a response only an id.
public struct MessageHeader: Decodable, Sendable {
    public var jsonrpc: String?
    public var id: RequestID?
    public var method: String?

    /// True when the message carried `"id"` at all (a null id is still a request).
    public var hasID: Bool
    enum CodingKeys: String, CodingKey { case jsonrpc, id, method }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jsonrpc = try container.decodeIfPresent(String.self, forKey: .jsonrpc)
        hasID = container.contains(.id)
        id = try? container.decodeIfPresent(RequestID.self, forKey: .id)
        method = try container.decodeIfPresent(String.self, forKey: .method)
    }
}

/// Decodes only the `params` of a message, as the type the method takes.
struct ParamsEnvelope<Params: Decodable>: Decodable {
    var params: Params
}

/// A response: `result` (null included) or `error`, never both.
public struct ResponseMessage<Result: Encodable>: Encodable {
    public var id: RequestID?
    public var result: Result?
    public var error: ResponseError?

    enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
        if let error {
            try container.encode(error, forKey: .error)
        } else if let result {
            try container.encode(result, forKey: .result)
        } else {
            try container.encodeNil(forKey: .result)
        }
    }
}

/// A notification the server sends, such as `textDocument/publishDiagnostics`.
public struct NotificationMessage<Params: Encodable>: Encodable {
    public var method: String
    public var params: Params

    enum CodingKeys: String, CodingKey { case jsonrpc, method, params }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(method, forKey: .method)
        try container.encode(params, forKey: .params)
    }
}

/// `initialize`: where the journal is and what the client can do.
public struct InitializeParams: Codable, Sendable {
    public var processId: Int?
    public var rootUri: String?
    public var rootPath: String?
    public var workspaceFolders: [WorkspaceFolder]?
    public var capabilities: ClientCapabilities?

    public init(
        rootUri: String? = nil, workspaceFolders: [WorkspaceFolder]? = nil, capabilities: ClientCapabilities? = nil
    ) {
        self.rootUri = rootUri
        self.workspaceFolders = workspaceFolders
        self.capabilities = capabilities
    }
}

public struct WorkspaceFolder: Codable, Hashable, Sendable {
    public var uri: String
    public var name: String?

    public init(uri: String, name: String? = nil) {
        self.uri = uri
        self.name = name
    }
}

/// Only the capabilities the server acts on; the rest of the client's object is ignored.
public struct ClientCapabilities: Codable, Sendable {
    public struct General: Codable, Sendable {
        public var positionEncodings: [String]?
        public init(positionEncodings: [String]? = nil) { self.positionEncodings = positionEncodings }
    }
    public struct Workspace: Codable, Sendable {
        public struct WatchedFiles: Codable, Sendable {
            public var dynamicRegistration: Bool?
            public init(dynamicRegistration: Bool? = nil) { self.dynamicRegistration = dynamicRegistration }
        }
        public var didChangeWatchedFiles: WatchedFiles?
        public init(didChangeWatchedFiles: WatchedFiles? = nil) { self.didChangeWatchedFiles = didChangeWatchedFiles }
    }
    public var general: General?
    public var workspace: Workspace?

    public init(general: General? = nil, workspace: Workspace? = nil) {
        self.general = general
        self.workspace = workspace
    }
}

public struct InitializeResult: Codable, Sendable {
    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo

    public struct ServerInfo: Codable, Sendable {
        public var name: String
        public var version: String
    }
}

public struct ServerCapabilities: Codable, Sendable {
    public struct SyncOptions: Codable, Sendable {
        public var openClose = true
        /// 2: incremental.
        public var change = 2
        public var save = SaveOptions()
    }
    public struct SaveOptions: Codable, Sendable {
        public var includeText = false
    }
    public struct CompletionOptions: Codable, Sendable {
        public var triggerCharacters: [String]
    }
    public var positionEncoding: String
    public var textDocumentSync = SyncOptions()
    public var completionProvider = CompletionOptions(triggerCharacters: ["@", "#", "[", "(", " ", ":", "-"])
    public var hoverProvider = true
    public var definitionProvider = true
    public var referencesProvider = true
    public var codeActionProvider = true
    public var documentSymbolProvider = true
    public var workspaceSymbolProvider = true

    public init(positionEncoding: String) { self.positionEncoding = positionEncoding }
}

/// `client/registerCapability`: asks the client to watch the journal's markdown files.
public struct RegistrationRequest: Encodable, Sendable {
    public var id: RequestID
    public var params: RegistrationParams

    public struct RegistrationParams: Codable, Sendable {
        public var registrations: [Registration]
    }

    enum CodingKeys: String, CodingKey { case jsonrpc, id, method, params }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        try container.encode("client/registerCapability", forKey: .method)
        try container.encode(params, forKey: .params)
    }
}

public struct Registration: Codable, Sendable {
    public struct WatchOptions: Codable, Sendable {
        public struct Watcher: Codable, Sendable {
            public var globPattern: String
        }
        public var watchers: [Watcher]
    }
    public var id: String
    public var method: String
    public var registerOptions: WatchOptions
}

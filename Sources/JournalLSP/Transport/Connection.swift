import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the server's messages go: stdout in `journal lsp`, an array in tests.
public protocol MessageSink: Sendable {
    func send(_ body: [UInt8])
}

/// Reads a file descriptor on its own thread and hands complete frames, in order, to a stream
/// the server's actor consumes. The stream ends at end of file: the client went away.
public enum FrameReader {
    public static func frames(from descriptor: Int32, maxBodyBytes: Int) -> AsyncStream<FrameDecoder.Frame> {
        let (stream, continuation) = AsyncStream.makeStream(of: FrameDecoder.Frame.self)
        let thread = Thread {
            var decoder = FrameDecoder(maxBodyBytes: maxBodyBytes)
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                decoder.append(chunk[0..<count])
                while let frame = decoder.next() { continuation.yield(frame) }
            }
            continuation.finish()
        }
        thread.stackSize = 1 << 20
        thread.start()
        return stream
    }
}

import JournalLSP
import Testing

@Suite struct FramingTests {
    func frame(_ json: String) -> [UInt8] { FrameDecoder.frame(Array(json.utf8)) }

    func drain(_ decoder: inout FrameDecoder) -> [FrameDecoder.Frame] {
        var frames: [FrameDecoder.Frame] = []
        while let frame = decoder.next() { frames.append(frame) }
        return frames
    }

    @Test func oneFrameSplitAcrossManyReads() {
        var decoder = FrameDecoder()
        let bytes = frame(#"{"a":"日本🚀"}"#)
        for byte in bytes.dropLast() {
            decoder.append([byte])
            #expect(decoder.next() == nil)
        }
        decoder.append([bytes.last!])
        #expect(decoder.next() == .message(Array(#"{"a":"日本🚀"}"#.utf8)))
        #expect(decoder.next() == nil)
    }

    @Test func twoFramesInOneRead() {
        var decoder = FrameDecoder()
        decoder.append(frame("{\"n\":1}") + frame("{\"n\":2}"))
        #expect(drain(&decoder) == [.message(Array("{\"n\":1}".utf8)), .message(Array("{\"n\":2}".utf8))])
    }

    @Test func otherHeadersAndAnyCaseAreAccepted() {
        var decoder = FrameDecoder()
        decoder.append(
            Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
        #expect(drain(&decoder) == [.message(Array("{}".utf8))])
    }

    @Test func aBadLengthIsMalformedAndTheNextFrameStillArrives() {
        var decoder = FrameDecoder()
        decoder.append(Array("Content-Length: twelve\r\n\r\n{}".utf8) + frame("{\"ok\":true}"))
        let frames = drain(&decoder)
        #expect(frames.count == 2)
        if case .malformed = frames.first {} else { Issue.record("expected a malformed frame first") }
        #expect(frames.last == .message(Array("{\"ok\":true}".utf8)))
    }

    @Test func aMissingContentLengthIsMalformed() {
        var decoder = FrameDecoder()
        decoder.append(Array("Content-Type: x\r\n\r\n{}".utf8) + frame("{}"))
        let frames = drain(&decoder)
        #expect(frames.count == 2)
        #expect(frames.last == .message(Array("{}".utf8)))
    }

    @Test func garbageBeforeAHeaderIsSkipped() {
        var decoder = FrameDecoder()
        decoder.append(Array("hello there\r\n\r\n".utf8) + frame("{}"))
        #expect(drain(&decoder).last == .message(Array("{}".utf8)))
    }

    @Test func aShortLengthCutsTheBodyAndTheRestResynchronises() {
        // Content-Length 3 for `{"n":1}`: the body is `{"n`, the rest is garbage until the next header.
        var decoder = FrameDecoder()
        decoder.append(Array("Content-Length: 3\r\n\r\n{\"n\":1}".utf8) + frame("{\"n\":2}"))
        let frames = drain(&decoder)
        #expect(frames.first == .message(Array("{\"n".utf8)))
        #expect(frames.last == .message(Array("{\"n\":2}".utf8)))
    }

    @Test func aLongLengthWaitsForMoreBytes() {
        var decoder = FrameDecoder()
        decoder.append(Array("Content-Length: 10\r\n\r\n{}".utf8))
        #expect(decoder.next() == nil)
    }

    @Test func anOversizedBodyIsSkippedUnkept() {
        var decoder = FrameDecoder(maxBodyBytes: 8)
        decoder.append(frame("{\"text\":\"far too long\"}"))
        decoder.append(frame("{}"))
        let frames = drain(&decoder)
        #expect(frames.count == 2)
        if case .malformed(let why) = frames.first { #expect(why.contains("larger than 8")) }
        #expect(frames.last == .message(Array("{}".utf8)))
    }

    @Test func anOversizedBodyArrivingInPiecesIsSkipped() {
        var decoder = FrameDecoder(maxBodyBytes: 4)
        let big = frame("{\"x\":\"0123456789\"}")
        decoder.append(big.prefix(30))
        var frames = drain(&decoder)
        decoder.append(big.dropFirst(30) + frame("{}"))
        frames += drain(&decoder)
        #expect(frames.count == 2)
        #expect(frames.last == .message(Array("{}".utf8)))
    }

    @Test func framingWritesTheByteLength() {
        #expect(FrameDecoder.frame(Array("é".utf8)) == Array("Content-Length: 2\r\n\r\né".utf8))
    }
}

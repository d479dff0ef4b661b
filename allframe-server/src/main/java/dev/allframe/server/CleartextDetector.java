package dev.allframe.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Chooses the protocol of a cleartext connection from its first bytes: {@code "PRI "} starts the HTTP/2
 * connection preface (no HTTP/1.1 method is called PRI), anything else is HTTP/1.1. Netty's
 * {@code CleartextHttp2ServerUpgradeHandler} compares the whole preface and falls back to HTTP/1.1 on a mismatch,
 * so a corrupt preface got an HTTP/1.1 400; here it reaches the HTTP/2 codec, which answers GOAWAY with
 * PROTOCOL_ERROR as RFC 9113 §3.4 requires.
 */
final class CleartextDetector extends ByteToMessageDecoder {
    private static final byte[] PRI = "PRI ".getBytes(StandardCharsets.US_ASCII);

    private final ServerInitializer init;

    CleartextDetector(ServerInitializer init) {
        this.init = init;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int n = Math.min(in.readableBytes(), PRI.length);
        for (int i = 0; i < n; i++) {
            if (in.getByte(in.readerIndex() + i) != PRI[i]) {
                init.http1(ctx.pipeline(), true);
                ctx.pipeline().remove(this); // passes the bytes read so far on to the new handlers
                return;
            }
        }
        if (n == PRI.length) {
            init.http2(ctx.pipeline());
            ctx.pipeline().remove(this);
        }
    }
}

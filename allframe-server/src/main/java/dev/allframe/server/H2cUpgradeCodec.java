package dev.allframe.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.HttpConversionUtil;

/**
 * Netty's h2c upgrade, taken only when the upgrade request can be carried over to HTTP/2. Netty answers
 * {@code 101 Switching Protocols} first and converts the request to HTTP/2 headers afterwards; a request HTTP/1.1
 * parses but HTTP/2 refuses (a NUL in the target is no valid {@code :path}, an empty {@code host} no valid
 * {@code :authority}) then failed inside the HTTP/2 codec: an
 * "unexpected error" in the log and a closed connection with no answer. Found by {@code Http1ParsingFuzzTest}. Such
 * a request now stays HTTP/1.1 and gets its answer there (a 400 problem).
 */
final class H2cUpgradeCodec extends Http2ServerUpgradeCodec {
    private static final System.Logger LOG = System.getLogger(H2cUpgradeCodec.class.getName());

    H2cUpgradeCodec(Http2FrameCodec codec, ChannelHandler... handlers) {
        super(codec, handlers);
    }

    @Override
    public boolean prepareUpgradeResponse(ChannelHandlerContext ctx, FullHttpRequest request, HttpHeaders headers) {
        try {
            // What the HTTP/2 codec does with the request after the upgrade, which tells it the scheme first.
            HttpHeaders probe = request.headers().copy()
                    .set(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text(), "http");
            HttpConversionUtil.toHttp2Headers(new DefaultHttpRequest(request.protocolVersion(), request.method(),
                    request.uri(), probe), true);
        } catch (Exception e) { // Http2Exception too, which Netty throws unchecked from header validation
            LOG.log(System.Logger.Level.DEBUG, "not upgrading {0} to h2c: {1}", ctx.channel(), e.toString());
            return false;
        }
        return super.prepareUpgradeResponse(ctx, request, headers);
    }
}

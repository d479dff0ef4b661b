package dev.allframe.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;

import java.util.concurrent.TimeUnit;

/**
 * Builds each connection's pipeline. Two branches: TLS, where ALPN picks HTTP/2 or HTTP/1.1; or cleartext, where
 * the first bytes pick HTTP/2 prior knowledge or HTTP/1.1 (which may still upgrade to h2c).
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {
    static final String START = "start";
    static final String GUARD = "guard";
    static final String HTTP1 = "http1";
    static final String TLS = "tls";
    private static final int MAX_STREAMS = 1000;

    private final ServerConfig config;
    private final Dispatcher dispatcher;
    private final SslContext ssl;
    private final ChannelGroup channels;

    ServerInitializer(ServerConfig config, Dispatcher dispatcher, SslContext ssl, ChannelGroup channels) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.ssl = ssl;
        this.channels = channels;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        configure(ch);
    }

    /** The pipeline of an accepted connection; any channel, so a test can run it on an {@code EmbeddedChannel}. */
    void configure(Channel ch) {
        channels.add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast(START, new ConnectionStartGuard(config.connectionStartTimeout().toNanos()));
        // Reader idleness only: watching writes costs a listener per written frame, and the handlers already
        // refuse to close while a request is in progress or a response is still being written.
        p.addLast("idle", new IdleStateHandler(config.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        if (ssl != null) {
            p.addLast(TLS, ssl.newHandler(ch.alloc()));
            p.addLast("alpn", new AlpnNegotiator(this));
        } else {
            p.addLast("detect", new CleartextDetector(this));
        }
    }

    /** HTTP/1.1, with the h2c upgrade offered on cleartext connections only (RFC 9113 forbids it over TLS). */
    void http1(ChannelPipeline p, boolean offerH2c) {
        SlowClientGuard guard = new SlowClientGuard(config.requestTimeout().toNanos());
        HttpServerCodec codec = new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(config.maxRequestLineBytes())
                .setMaxHeaderSize(config.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024));
        p.addLast(GUARD, guard);
        p.addLast("http1-codec", codec);
        if (offerH2c) {
            int maxUpgradeBody = (int) Math.min(config.maxBodyBytes(), 64 * 1024);
            p.addLast("h2c-upgrade", new HttpServerUpgradeHandler(codec, protocol ->
                    AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                            ? new H2cUpgradeCodec(http2Codec(), new Http2Handler(dispatcher, config))
                            : null, maxUpgradeBody));
        }
        p.addLast(HTTP1, new Http1Handler(dispatcher, config, guard));
    }

    void http2(ChannelPipeline p) {
        p.addLast("http2-codec", http2Codec());
        p.addLast("http2", new Http2Handler(dispatcher, config));
    }

    /** RFC 9113 strictness that Netty leaves off by default is turned on here (RFC 9113; allframe-server/README.md). */
    private Http2FrameCodec http2Codec() {
        return Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings()
                        .maxConcurrentStreams(MAX_STREAMS)
                        .maxHeaderListSize(config.maxHeaderBytes()))
                .validateHeaders(true)
                .validateRequiredPseudoHeaders(true)
                .gracefulShutdownTimeoutMillis(config.shutdownGrace().toMillis())
                .build();
    }
}

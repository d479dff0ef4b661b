package dev.allframe.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/** Completes a TLS connection's pipeline with the protocol ALPN agreed on; no ALPN means HTTP/1.1. */
final class AlpnNegotiator extends ApplicationProtocolNegotiationHandler {
    private static final System.Logger LOG = System.getLogger(AlpnNegotiator.class.getName());

    private final ServerInitializer init;

    AlpnNegotiator(ServerInitializer init) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.init = init;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        switch (protocol) {
            case ApplicationProtocolNames.HTTP_2 -> init.http2(ctx.pipeline());
            case ApplicationProtocolNames.HTTP_1_1 -> init.http1(ctx.pipeline(), false);
            default -> throw new IllegalStateException("unknown application protocol: " + protocol);
        }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "TLS handshake failed on {0}: {1}", ctx.channel(), cause.toString());
        ctx.close();
    }
}

package dev.allframe.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time an HTTP/1.1 client takes to send one request: the clock starts with the first bytes of a
 * request and stops when the request handler has read all of it. An idle timeout alone cannot catch a client
 * that trickles a byte at a time (slowloris); this can. On expiry it fires {@link ServerEvents#REQUEST_TIMEOUT}.
 */
final class SlowClientGuard extends ChannelInboundHandlerAdapter {
    private final long timeoutNanos;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;

    SlowClientGuard(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (timer == null && msg instanceof ByteBuf buf && buf.isReadable()) {
            timer = ctx.executor().schedule(this::expired, timeoutNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** Called on the event loop once a whole request has been read. */
    void requestComplete() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expired() {
        timer = null;
        if (ctx.channel().isActive()) {
            ctx.fireUserEventTriggered(ServerEvents.REQUEST_TIMEOUT);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        requestComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        requestComplete();
        ctx.fireChannelInactive();
    }
}

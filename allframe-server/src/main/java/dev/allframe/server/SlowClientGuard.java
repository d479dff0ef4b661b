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
    /** When the current request's first bytes arrived, or -1 between requests. */
    private long startedAt = -1;
    /**
     * At most one timer per connection, re-armed only when it fires: scheduling and cancelling a timer per
     * request showed up in profiles of keep-alive traffic.
     */
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
        if (startedAt < 0 && msg instanceof ByteBuf buf && buf.isReadable()) {
            startedAt = System.nanoTime();
            if (timer == null) {
                timer = ctx.executor().schedule(this::check, timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** Called on the event loop once a whole request has been read. */
    void requestComplete() {
        startedAt = -1;
    }

    private void check() {
        timer = null;
        if (startedAt < 0 || !ctx.channel().isActive()) {
            return;
        }
        long elapsed = System.nanoTime() - startedAt;
        if (elapsed >= timeoutNanos) {
            startedAt = -1;
            ctx.fireUserEventTriggered(ServerEvents.REQUEST_TIMEOUT);
        } else {
            timer = ctx.executor().schedule(this::check, timeoutNanos - elapsed, TimeUnit.NANOSECONDS);
        }
    }

    private void cancel() {
        startedAt = -1;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }
}

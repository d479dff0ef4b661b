package dev.allframe.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has not started its first request within the connection start timeout. Until then no
 * other timer covers it: the idle timeout's events reach no handler before the protocol is chosen, and a request
 * timeout needs a request. So a socket that sends nothing, only {@code "PR"}, half a request line, only the HTTP/2
 * preface, or never finishes its TLS handshake would otherwise hold a file descriptor for good.
 *
 * <p>Sits first in every pipeline from the moment the connection is accepted. The HTTP/1.1 and HTTP/2 handlers
 * call {@link #requestStarted} when a request's head has arrived; the guard then leaves the pipeline, so it costs
 * one timer per connection and nothing per request.
 */
final class ConnectionStartGuard extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(ConnectionStartGuard.class.getName());

    private final long timeoutNanos;
    private ScheduledFuture<?> timer;

    ConnectionStartGuard(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * @param ctx the context of any handler of the connection
     * @return the connection's guard, or {@code null} once its first request started
     */
    static ConnectionStartGuard of(ChannelHandlerContext ctx) {
        return (ConnectionStartGuard) ctx.pipeline().get(ServerInitializer.START);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (ctx.channel().isActive()) {
            LOG.log(System.Logger.Level.DEBUG, "closing {0}: no request started within {1} ms", ctx.channel(),
                    TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
            // From the tail, through the protocol handlers: an HTTP/2 connection says GOAWAY before it closes.
            ctx.channel().close();
        }
    }

    /**
     * The connection's first request has started: from now on the request and idle timeouts govern it. Called on
     * the event loop.
     *
     * @param ctx the context of the handler that saw the request
     */
    void requestStarted(ChannelHandlerContext ctx) {
        if (ctx.pipeline().context(this) != null) {
            ctx.pipeline().remove(this);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}

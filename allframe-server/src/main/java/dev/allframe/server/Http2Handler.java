package dev.allframe.server;

import dev.allframe.http.HttpException;
import dev.allframe.http.Problem;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Status;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2FrameStreamException;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.collection.IntObjectHashMap;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;

/**
 * Serves one HTTP/2 connection on top of Netty's {@code Http2FrameCodec}, which enforces RFC 9113 (preface,
 * pseudo-header validation, stream states, flow control) and answers protocol errors with RST_STREAM or GOAWAY.
 * This handler aggregates each stream's request, dispatches it, and writes the response on the same stream.
 * Streams run concurrently, each on its own virtual thread.
 */
final class Http2Handler extends ChannelDuplexHandler {
    private static final System.Logger LOG = System.getLogger(Http2Handler.class.getName());
    private static final AsciiString HEAD = AsciiString.cached("HEAD");

    private final Dispatcher dispatcher;
    private final ServerConfig config;
    private final IntObjectHashMap<Incoming> receiving = new IntObjectHashMap<>();
    private int responding;
    private boolean flushScheduled;
    private ScheduledFuture<?> slowStreamTimer;
    /** Until the first request's HEADERS arrived; then {@code null}. */
    private ConnectionStartGuard start;

    /** A request whose body is still arriving. */
    private static final class Incoming {
        final Http2FrameStream stream;
        final Http2Headers headers;
        final long startedAt = System.nanoTime();
        byte[] body;
        int length;

        Incoming(Http2FrameStream stream, Http2Headers headers) {
            this.stream = stream;
            this.headers = headers;
        }
    }

    Http2Handler(Dispatcher dispatcher, ServerConfig config) {
        this.dispatcher = dispatcher;
        this.config = config;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        start = ConnectionStartGuard.of(ctx);
        // After an h2c upgrade the HTTP/1.1 handlers are still behind or before us: they have no more work.
        for (String name : new String[] {ServerInitializer.GUARD, ServerInitializer.HTTP1}) {
            ChannelHandler h = ctx.pipeline().get(name);
            if (h != null) {
                ctx.pipeline().remove(h);
            }
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame frame) {
                onHeaders(ctx, frame);
            } else if (msg instanceof Http2DataFrame frame) {
                onData(ctx, frame);
            } else if (msg instanceof Http2ResetFrame frame) {
                receiving.remove(frame.stream().id()); // the client gave up on this stream
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHeaders(ChannelHandlerContext ctx, Http2HeadersFrame frame) {
        if (start != null) {
            start.requestStarted(ctx);
            start = null;
        }
        int id = frame.stream().id();
        Incoming in = receiving.get(id);
        if (in == null) {
            in = new Incoming(frame.stream(), frame.headers());
            long declared = declaredLength(frame.headers());
            if (declared > config.maxBodyBytes()) {
                refuse(ctx, frame.stream(), declared + " bytes");
                return;
            }
            if (declared > 0) {
                in.body = new byte[(int) declared];
            }
            if (!frame.isEndStream()) {
                receiving.put(id, in);
                watchSlowStreams(ctx);
                return;
            }
        } else if (!frame.isEndStream()) {
            return; // trailers must end the stream; the codec already rejects anything else
        }
        receiving.remove(id);
        complete(ctx, in);
    }

    private void onData(ChannelHandlerContext ctx, Http2DataFrame frame) {
        // Hand the flow-control window back at once: the body limit, not the window, bounds what we buffer.
        if (frame.initialFlowControlledBytes() > 0) {
            ctx.write(new DefaultHttp2WindowUpdateFrame(frame.initialFlowControlledBytes()).stream(frame.stream()));
        }
        Incoming in = receiving.get(frame.stream().id());
        if (in == null) {
            return;
        }
        ByteBuf buf = frame.content();
        int n = buf.readableBytes();
        if (n > 0) {
            if ((long) in.length + n > config.maxBodyBytes()) {
                receiving.remove(in.stream.id());
                refuse(ctx, in.stream, "more than " + config.maxBodyBytes() + " bytes");
                return;
            }
            if (in.body == null || in.body.length < in.length + n) {
                long grown = Math.max((long) in.length + n, in.body == null ? 1024 : in.body.length * 2L);
                in.body = Arrays.copyOf(in.body == null ? new byte[0] : in.body,
                        (int) Math.min(grown, config.maxBodyBytes()));
            }
            buf.readBytes(in.body, in.length, n);
            in.length += n;
        }
        if (frame.isEndStream()) {
            receiving.remove(in.stream.id());
            complete(ctx, in);
        }
    }

    private void complete(ChannelHandlerContext ctx, Incoming in) {
        Http2Headers h = in.headers;
        boolean head = HEAD.contentEquals(h.method());
        Request request;
        try {
            Request.Builder b = Conversions.request(h.method().toString(), h.path().toString());
            boolean host = false;
            for (Map.Entry<CharSequence, CharSequence> e : h) {
                CharSequence name = e.getKey();
                if (name.length() > 0 && name.charAt(0) == ':') {
                    continue;
                }
                host |= AsciiString.contentEquals("host", name);
                b.header(name.toString(), e.getValue().toString());
            }
            if (!host && h.authority() != null) {
                b.header("host", h.authority().toString());
            }
            byte[] bytes = in.body == null ? null
                    : in.length == in.body.length ? in.body : Arrays.copyOf(in.body, in.length);
            request = b.body(bytes)
                    .attribute(HttpServer.REMOTE_ADDRESS, (InetSocketAddress) ctx.channel().remoteAddress())
                    .attribute(HttpServer.PROTOCOL, "HTTP/2")
                    .build();
        } catch (HttpException e) {
            write(ctx, in.stream, Response.problem(e.problem()), head);
            return;
        } catch (IllegalArgumentException e) {
            write(ctx, in.stream, Response.problem(Problem.of(Status.BAD_REQUEST, e.getMessage())), head);
            return;
        }
        responding++;
        dispatcher.dispatch(request, ctx.executor(), response -> {
            responding--;
            ChannelFuture f = write(ctx, in.stream, response, head);
            flushSoon(ctx);
            return f;
        });
    }

    /** Keeps one timer per connection while bodies are arriving, for clients that stall mid-request. */
    private void watchSlowStreams(ChannelHandlerContext ctx) {
        if (slowStreamTimer == null) {
            slowStreamTimer = ctx.executor().schedule(() -> checkSlowStreams(ctx),
                    config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void checkSlowStreams(ChannelHandlerContext ctx) {
        slowStreamTimer = null;
        long now = System.nanoTime();
        long timeout = config.requestTimeout().toNanos();
        List<Incoming> expired = new ArrayList<>();
        long nextDue = Long.MAX_VALUE;
        for (Incoming in : receiving.values()) {
            long age = now - in.startedAt;
            if (age >= timeout) {
                expired.add(in);
            } else {
                nextDue = Math.min(nextDue, timeout - age);
            }
        }
        for (Incoming in : expired) {
            receiving.remove(in.stream.id());
            write(ctx, in.stream, Response.problem(Problem.of(408, "The request was not received within "
                    + config.requestTimeout().toMillis() + " ms")), false);
            ctx.flush();
            ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.NO_ERROR).stream(in.stream));
        }
        if (nextDue != Long.MAX_VALUE && ctx.channel().isActive()) {
            slowStreamTimer = ctx.executor().schedule(() -> checkSlowStreams(ctx), nextDue, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (slowStreamTimer != null) {
            slowStreamTimer.cancel(false);
            slowStreamTimer = null;
        }
    }

    /** Answers 413 before the body is read, then resets the stream so the client stops sending (RFC 9113 §8.1). */
    private void refuse(ChannelHandlerContext ctx, Http2FrameStream stream, String size) {
        write(ctx, stream, Response.problem(Problem.of(Status.CONTENT_TOO_LARGE, "The request body of " + size
                + " exceeds the limit of " + config.maxBodyBytes() + " bytes")), false);
        ctx.flush(); // the answer must leave the flow controller before the reset discards what is queued
        ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.NO_ERROR).stream(stream));
    }

    private ChannelFuture write(ChannelHandlerContext ctx, Http2FrameStream stream, Response response, boolean head) {
        int status = response.status();
        byte[] bytes = response.body();
        boolean hasBody = !Conversions.bodiless(status, head) && bytes.length > 0;
        Http2Headers out = new DefaultHttp2Headers(false);
        out.status(AsciiString.of(Integer.toString(status)));
        response.headers().forEach((name, value) -> {
            if (!Conversions.framing(name) && !name.equals("te")) {
                out.add(name, value);
            }
        });
        long length = Conversions.contentLength(response, head);
        if (length >= 0) {
            out.setLong("content-length", length);
        }
        ChannelFuture f = ctx.write(new DefaultHttp2HeadersFrame(out, !hasBody).stream(stream));
        if (hasBody) {
            f = ctx.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(bytes), true).stream(stream));
        }
        return f; // flushed by channelReadComplete or flushSoon
    }

    /**
     * Flushes after the event loop has run the tasks already queued: responses of many streams that complete
     * together leave in one write to the socket instead of one each.
     */
    private void flushSoon(ChannelHandlerContext ctx) {
        if (!flushScheduled) {
            flushScheduled = true;
            ctx.executor().execute(() -> {
                flushScheduled = false;
                ctx.flush();
            });
        }
    }

    private static long declaredLength(Http2Headers headers) {
        CharSequence value = headers.get("content-length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return -1; // the codec's content-length validation answers with a protocol error
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush(); // window updates written while reading
        ctx.fireChannelReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == ServerEvents.DRAIN) {
            ctx.close(); // the codec sends GOAWAY and closes once active streams are done (or the grace ends)
        } else if (evt instanceof IdleStateEvent) {
            if (responding == 0 && !Http1Handler.writing(ctx)) {
                ctx.close();
            }
        } else if (evt instanceof HttpServerUpgradeHandler.UpgradeEvent || evt == ServerEvents.REQUEST_TIMEOUT) {
            ReferenceCountUtil.release(evt);
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof Http2FrameStreamException e) {
            // Http2FrameCodec leaves a stream error on a known stream to the handler: reset it with the code
            // the codec chose (PROTOCOL_ERROR, STREAM_CLOSED...). The connection and other streams live on.
            LOG.log(System.Logger.Level.DEBUG, "resetting stream {0}: {1}", e.stream().id(), e.error());
            receiving.remove(e.stream().id());
            ctx.writeAndFlush(new DefaultHttp2ResetFrame(e.error()).stream(e.stream()));
            return;
        }
        if (cause instanceof Http2Exception || cause.getCause() instanceof Http2Exception) {
            // A connection error: the codec answers with GOAWAY and the right code right after telling us.
            // Closing here would send GOAWAY(NO_ERROR) first (RFC 9113; allframe-server/README.md).
            LOG.log(System.Logger.Level.DEBUG, "HTTP/2 connection error on {0}: {1}", ctx.channel(), cause.toString());
            return;
        }
        if (cause instanceof java.io.IOException) {
            LOG.log(System.Logger.Level.DEBUG, "connection error on {0}: {1}", ctx.channel(), cause.toString());
        } else {
            LOG.log(System.Logger.Level.WARNING, "closing " + ctx.channel() + " after an unexpected error", cause);
        }
        ctx.close();
    }
}

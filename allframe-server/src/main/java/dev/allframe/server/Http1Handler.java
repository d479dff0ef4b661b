package dev.allframe.server;

import dev.allframe.http.HttpException;
import dev.allframe.http.Problem;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Status;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Serves one HTTP/1.1 connection. Bodies are aggregated here (so the limit is checked against
 * {@code content-length} before anything is buffered, and again while reading); complete requests queue up and
 * run one at a time, so pipelined requests are answered in order and a POST is handled before the GET behind it.
 */
final class Http1Handler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(Http1Handler.class.getName());
    private static final int MAX_QUEUED = 16;
    private static final long LINGER_MILLIS = 2000;

    private final Dispatcher dispatcher;
    private final ServerConfig config;
    private final SlowClientGuard guard;

    private ChannelHandlerContext ctx;
    /** Until the first request's head arrived; then {@code null}. */
    private ConnectionStartGuard start;
    private HttpRequest receiving;
    private byte[] body;
    private int bodyLength;
    private boolean ignoreInput;
    private boolean closing;
    private boolean busy;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();

    /** A request waiting for its turn, or a ready-made error answer that must keep its place in the order. */
    private record Pending(Request request, Response ready, boolean keepAlive, boolean head, HttpVersion version) {
    }

    Http1Handler(Dispatcher dispatcher, ServerConfig config, SlowClientGuard guard) {
        this.dispatcher = dispatcher;
        this.config = config;
        this.guard = guard;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.start = ConnectionStartGuard.of(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (ignoreInput) {
                return;
            }
            if (msg instanceof HttpRequest request && !startRequest(request)) {
                return;
            }
            if (msg instanceof HttpContent content && receiving != null) {
                readContent(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private boolean startRequest(HttpRequest request) {
        if (start != null) {
            start.requestStarted(ctx);
            start = null;
        }
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            fail(decodeProblem(result.cause()), HttpVersion.HTTP_1_1); // the version may not have parsed
            return false;
        }
        long declared;
        try {
            declared = HttpUtil.getContentLength(request, -1L);
        } catch (NumberFormatException e) {
            fail(Problem.of(Status.BAD_REQUEST, "Invalid content-length"), request.protocolVersion());
            return false;
        }
        if (declared > config.maxBodyBytes()) {
            fail(tooLarge(declared + " bytes"), request.protocolVersion());
            return false;
        }
        receiving = request;
        bodyLength = 0;
        body = declared > 0 ? new byte[(int) declared] : null;
        if (HttpUtil.is100ContinueExpected(request) && !busy && queue.isEmpty()) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
        return true;
    }

    private void readContent(HttpContent content) {
        ByteBuf buf = content.content();
        int n = buf.readableBytes();
        if (n > 0) {
            if ((long) bodyLength + n > config.maxBodyBytes()) {
                HttpVersion version = receiving.protocolVersion();
                receiving = null;
                body = null;
                fail(tooLarge("more than " + config.maxBodyBytes() + " bytes"), version);
                return;
            }
            if (body == null || body.length < bodyLength + n) {
                long grown = Math.max((long) bodyLength + n, body == null ? 1024 : body.length * 2L);
                body = Arrays.copyOf(body == null ? new byte[0] : body, (int) Math.min(grown, config.maxBodyBytes()));
            }
            buf.readBytes(body, bodyLength, n);
            bodyLength += n;
        }
        if (content instanceof LastHttpContent) {
            guard.requestComplete();
            HttpRequest request = receiving;
            byte[] bytes = body == null ? null : bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength);
            receiving = null;
            body = null;
            enqueue(request, bytes);
        }
    }

    private void enqueue(HttpRequest nettyRequest, byte[] bytes) {
        boolean head = nettyRequest.method().equals(HttpMethod.HEAD);
        boolean keepAlive = HttpUtil.isKeepAlive(nettyRequest);
        Request request = null;
        Response ready = null;
        try {
            Request.Builder b = Conversions.request(nettyRequest.method().name(), nettyRequest.uri());
            Iterator<Map.Entry<String, String>> it = nettyRequest.headers().iteratorAsString();
            while (it.hasNext()) {
                Map.Entry<String, String> h = it.next();
                b.header(h.getKey(), h.getValue());
            }
            request = b.body(bytes)
                    .attribute(HttpServer.REMOTE_ADDRESS, (InetSocketAddress) ctx.channel().remoteAddress())
                    .attribute(HttpServer.PROTOCOL, nettyRequest.protocolVersion().text())
                    .build();
        } catch (HttpException e) {
            ready = Response.problem(e.problem());
        } catch (IllegalArgumentException e) {
            ready = Response.problem(Problem.of(Status.BAD_REQUEST, e.getMessage()));
        }
        queue.add(new Pending(request, ready, keepAlive, head, nettyRequest.protocolVersion()));
        if (queue.size() > MAX_QUEUED) {
            ctx.channel().config().setAutoRead(false); // back-pressure on a client that pipelines without end
        }
        next();
    }

    /** Answers with an error and closes: after a framing error the rest of the input cannot be trusted. */
    private void fail(Problem problem, HttpVersion version) {
        guard.requestComplete();
        ignoreInput = true;
        queue.add(new Pending(null, Response.problem(problem), false, false, version));
        next();
    }

    private void next() {
        if (busy || queue.isEmpty()) {
            return;
        }
        Pending p = queue.peek();
        busy = true;
        if (p.ready != null) {
            write(p, p.ready);
        } else {
            dispatcher.dispatch(p.request, ctx.executor(), response -> write(p, response));
        }
    }

    private ChannelFuture write(Pending p, Response response) {
        queue.poll();
        busy = false;
        boolean keepAlive = p.keepAlive && !closing && !ignoreInput && !dispatcher.draining();
        FullHttpResponse out = toNetty(response, p.head, p.version);
        if (!keepAlive) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (p.version.equals(HttpVersion.HTTP_1_0)) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ChannelFuture f = ctx.writeAndFlush(out);
        if (!keepAlive) {
            closing = true;
            queue.clear();
            f.addListener((ChannelFutureListener) this::closeAfterWrite);
        } else {
            if (!ctx.channel().config().isAutoRead() && queue.size() <= MAX_QUEUED / 2) {
                ctx.channel().config().setAutoRead(true);
            }
            next();
        }
        return f;
    }

    /**
     * Half-closes first and closes a moment later: closing at once while the client is still sending a body we
     * refused would make the kernel reset the connection and the client might never read our answer.
     */
    private void closeAfterWrite(ChannelFuture f) {
        if (ignoreInput && f.channel() instanceof SocketChannel sc && ctx.pipeline().get("tls") == null
                && sc.isActive()) {
            sc.shutdownOutput();
            ctx.executor().schedule(() -> sc.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            f.channel().close();
        }
    }

    static FullHttpResponse toNetty(Response response, boolean head, HttpVersion version) {
        int status = response.status();
        byte[] bytes = response.body();
        boolean bodiless = Conversions.bodiless(status, head) || bytes.length == 0;
        DefaultFullHttpResponse out = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(status, Status.reason(status)),
                bodiless ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes),
                DefaultHttpHeadersFactory.headersFactory().withValidation(false),
                DefaultHttpHeadersFactory.trailersFactory().withValidation(false));
        HttpHeaders headers = out.headers();
        response.headers().forEach((name, value) -> {
            if (!Conversions.framing(name)) {
                headers.add(name, value);
            }
        });
        long length = Conversions.contentLength(response, head);
        if (length >= 0) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
        }
        return out;
    }

    private Problem decodeProblem(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return Problem.of(Status.HEADER_FIELDS_TOO_LARGE,
                    "The request header fields exceed the limit of " + config.maxHeaderBytes() + " bytes");
        }
        if (cause instanceof TooLongHttpLineException) {
            return Problem.of(414, "The request line exceeds the limit of " + config.maxRequestLineBytes() + " bytes");
        }
        if (cause instanceof TooLongFrameException) {
            return Problem.of(Status.HEADER_FIELDS_TOO_LARGE, cause.getMessage());
        }
        return Problem.of(Status.BAD_REQUEST, "Malformed HTTP request: " + cause.getMessage());
    }

    private Problem tooLarge(String size) {
        return Problem.of(Status.CONTENT_TOO_LARGE,
                "The request body of " + size + " exceeds the limit of " + config.maxBodyBytes() + " bytes");
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == ServerEvents.DRAIN) {
            if (!busy && queue.isEmpty() && receiving == null) {
                ctx.close();
            } // otherwise the next response goes out with connection: close
        } else if (evt == ServerEvents.REQUEST_TIMEOUT) {
            if (!ignoreInput) {
                LOG.log(System.Logger.Level.DEBUG, "request timeout on {0}", ctx.channel());
                HttpVersion version = receiving != null ? receiving.protocolVersion() : HttpVersion.HTTP_1_1;
                receiving = null;
                body = null;
                fail(Problem.of(408, "The request was not received within "
                        + config.requestTimeout().toMillis() + " ms"), version);
            }
        } else if (evt instanceof IdleStateEvent) {
            if (!busy && queue.isEmpty() && !Http1Handler.writing(ctx)) {
                ctx.close();
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    /** Whether a response is still on its way out (a slow client downloading a large body is not idle). */
    static boolean writing(ChannelHandlerContext ctx) {
        io.netty.channel.ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        return out != null && out.totalPendingWriteBytes() > 0;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof java.io.IOException) {
            LOG.log(System.Logger.Level.DEBUG, "connection error on {0}: {1}", ctx.channel(), cause.toString());
        } else {
            LOG.log(System.Logger.Level.WARNING, "closing " + ctx.channel() + " after an unexpected error", cause);
        }
        ctx.close();
    }
}

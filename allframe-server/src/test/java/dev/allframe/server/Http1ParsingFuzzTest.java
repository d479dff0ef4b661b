package dev.allframe.server;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.allframe.health.HealthChecks;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes a client may send on a cleartext connection, through the server's real pipeline (protocol detection,
 * connection start guard, slow-client guard, Netty's HTTP/1.1 codec, the h2c upgrade, the request handler, the
 * dispatcher and the router; HTTP/2 too when the bytes start with {@code "PRI "}) on an {@link EmbeddedChannel}.
 * Whatever the input: no exception escapes the pipeline, nothing is logged as an unexpected error, and no answer
 * is a 5xx (malformed input is the client's fault and must be answered as such).
 *
 * <p>In a normal build this runs once per file of the seed corpus in
 * {@code src/test/resources/dev/allframe/server/Http1ParsingFuzzTestInputs/answersAnyBytesWithoutAServerFault/};
 * with {@code JAZZER_FUZZ=1} ({@code scripts/fuzz.sh Http1}) Jazzer mutates inputs for {@code maxDuration}, and
 * a crashing input lands in that directory, where it stays as a regression test.
 */
class Http1ParsingFuzzTest {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");
    private static final Logger SERVER_LOG = Logger.getLogger("dev.allframe.server");
    private static final List<LogRecord> PROBLEMS = new ArrayList<>();
    private static final Handler RECORDER = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                PROBLEMS.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static ServerInitializer init;
    private static Level previousLevel;

    /** Answers without reflecting any input, so that an input's bytes can never pose as a status line. */
    private static Router router() {
        return Router.builder()
                .get("/hello", req -> Response.text("hello"))
                .get("/items/{id}", req -> Response.text("item"))
                .post("/items", req -> Response.text(req.body().length + " bytes"))
                .delete("/items/{id}", req -> Response.noContent())
                .build();
    }

    /** Runs each request on the calling thread: an {@code EmbeddedChannel} allows only one. */
    private static final class Inline extends AbstractExecutorService {
        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    /** The handlers read the client's address as an {@link InetSocketAddress}, as on a real socket. */
    private static final class Connection extends EmbeddedChannel {
        Connection() {
            super(false, false);
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return new InetSocketAddress("127.0.0.1", 50000);
        }

        @Override
        protected SocketAddress localAddress0() {
            return new InetSocketAddress("127.0.0.1", 8080);
        }
    }

    @BeforeAll
    static void pipeline() {
        HttpServer.Builder b = HttpServer.builder().router(router()).maxHeaderBytes(4096).maxBodyBytes(1000);
        ServerConfig config = new ServerConfig(b.router, "127.0.0.1", 0, null, null, b.maxHeaderBytes,
                b.maxRequestLineBytes, b.maxBodyBytes, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ZERO, HealthChecks.none(), List.of(), false, 1);
        init = new ServerInitializer(config, new Dispatcher(config.router(), config.health(), new Inline()), null,
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE));
        previousLevel = SERVER_LOG.getLevel();
        SERVER_LOG.setLevel(Level.WARNING);
        SERVER_LOG.addHandler(RECORDER);
    }

    @AfterAll
    static void restoreLogging() {
        SERVER_LOG.removeHandler(RECORDER);
        SERVER_LOG.setLevel(previousLevel);
    }

    @FuzzTest(maxDuration = "60s")
    void answersAnyBytesWithoutAServerFault(byte[] input) throws Exception {
        PROBLEMS.clear();
        Connection ch = new Connection();
        init.configure(ch);
        ch.register(); // as an accepted socket: the handlers are added, then the channel is active
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(input)); // rethrows what reached the end of the pipeline
            ch.runPendingTasks(); // the responses, written on the event loop
            ch.runPendingTasks();
            ch.checkException();
            String out = drain(ch);
            Matcher m = STATUS_LINE.matcher(out);
            while (m.find()) {
                int status = Integer.parseInt(m.group(1));
                assertThat(status).as("status of %s", out).isLessThan(500);
            }
            assertThat(PROBLEMS).as("warnings logged")
                    .extracting(r -> r.getMessage() + (r.getThrown() == null ? "" : ": " + stackTrace(r.getThrown())))
                    .isEmpty();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    private static String drain(EmbeddedChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object msg; (msg = ch.readOutbound()) != null; ) {
            if (msg instanceof ByteBuf buf) {
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                out.writeBytes(bytes);
            }
            io.netty.util.ReferenceCountUtil.release(msg);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}

package dev.allframe.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9113 error handling, checked with hand-made frames that a real client library would refuse to send. */
class Http2ProtocolErrorsTest {
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, GOAWAY = 7;
    static final int PROTOCOL_ERROR = 1, STREAM_CLOSED = 5;

    static HttpServer server;

    @BeforeAll
    static void start() {
        server = HttpServer.builder().router(TestApp.router()).host("127.0.0.1").port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Frame(int type, int flags, int stream, byte[] payload) {
        int errorCode() {
            int at = type == GOAWAY ? 4 : 0;
            return ((payload[at] & 0xff) << 24) | ((payload[at + 1] & 0xff) << 16) | ((payload[at + 2] & 0xff) << 8)
                    | (payload[at + 3] & 0xff);
        }
    }

    static byte[] frame(int type, int flags, int stream, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.write(type);
        out.write(flags);
        out.write(stream >>> 24);
        out.write(stream >>> 16);
        out.write(stream >>> 8);
        out.write(stream);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** HPACK: :method GET, :scheme http (static table), :authority and optionally :path as literals. */
    static byte[] getHeaders(String path) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x82);
        b.write(0x86);
        b.write(0x01); // literal without indexing, name :authority (static index 1)
        b.write(9);
        b.writeBytes("localhost".getBytes(StandardCharsets.US_ASCII));
        if (path != null) {
            b.write(0x04); // literal without indexing, name :path (static index 4)
            b.write(path.length());
            b.writeBytes(path.getBytes(StandardCharsets.US_ASCII));
        }
        return b.toByteArray();
    }

    static Frame readUntil(RawClient c, Predicate<Frame> wanted) throws IOException {
        DataInputStream in = new DataInputStream(c.socket.getInputStream());
        while (true) {
            byte[] head = new byte[9];
            try {
                in.readFully(head);
            } catch (EOFException e) {
                throw new AssertionError("the server closed the connection before the expected frame");
            }
            int length = ((head[0] & 0xff) << 16) | ((head[1] & 0xff) << 8) | (head[2] & 0xff);
            int stream = ((head[5] & 0x7f) << 24) | ((head[6] & 0xff) << 16) | ((head[7] & 0xff) << 8) | (head[8] & 0xff);
            byte[] payload = in.readNBytes(length);
            Frame f = new Frame(head[3] & 0xff, head[4] & 0xff, stream, payload);
            if (wanted.test(f)) {
                return f;
            }
        }
    }

    static RawClient connect() throws IOException {
        RawClient c = new RawClient(server.port());
        c.send(PREFACE).send(frame(SETTINGS, 0, 0, new byte[0]));
        return c;
    }

    @Test
    void answersACorruptPrefaceWithGoAwayNotAnHttp11Response() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n");
            Frame goAway = readUntil(c, f -> f.type() == GOAWAY);
            assertThat(goAway.errorCode()).isEqualTo(PROTOCOL_ERROR);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void resetsAStreamWhoseHeadersLackPathWithProtocolErrorAndKeepsTheConnection() throws Exception {
        try (RawClient c = connect()) {
            c.send(frame(HEADERS, 0x5, 1, getHeaders(null)));
            Frame reset = readUntil(c, f -> f.type() == RST_STREAM || f.type() == GOAWAY);
            assertThat(reset.type()).isEqualTo(RST_STREAM);
            assertThat(reset.stream()).isEqualTo(1);
            assertThat(reset.errorCode()).isEqualTo(PROTOCOL_ERROR);

            c.send(frame(HEADERS, 0x5, 3, getHeaders("/hello")));
            Frame data = readUntil(c, f -> f.type() == DATA && f.stream() == 3);
            assertThat(new String(data.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"hello\"}");
        }
    }

    @Test
    void treatsDataAfterTheEndOfAStreamAsStreamClosed() throws Exception {
        try (RawClient c = connect()) {
            c.send(frame(HEADERS, 0x5, 1, getHeaders("/hello")));
            readUntil(c, f -> f.type() == DATA && f.stream() == 1 && (f.flags() & 1) == 1);
            c.send(frame(DATA, 0x1, 1, "late".getBytes(StandardCharsets.US_ASCII)));
            Frame error = readUntil(c, f -> f.type() == RST_STREAM || f.type() == GOAWAY);
            assertThat(error.errorCode()).isEqualTo(STREAM_CLOSED);
        }
    }

    @Test
    void answersAnOversizedDeclaredBodyWith413AndResetsTheStream() throws Exception {
        HttpServer small = HttpServer.builder().router(TestApp.router()).host("127.0.0.1").port(0)
                .maxBodyBytes(10).build().start();
        try (RawClient c = new RawClient(small.port())) {
            c.send(PREFACE).send(frame(SETTINGS, 0, 0, new byte[0]));
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            h.write(0x83); // :method POST
            h.write(0x86);
            h.write(0x04);
            h.write(5);
            h.writeBytes("/echo".getBytes(StandardCharsets.US_ASCII));
            h.write(0x0f); // literal without indexing, name content-length (static index 28 = 15 + 13)
            h.write(13);
            h.write(2);
            h.writeBytes("99".getBytes(StandardCharsets.US_ASCII));
            c.send(frame(HEADERS, 0x4, 1, h.toByteArray()));
            Frame headers = readUntil(c, f -> f.type() == HEADERS && f.stream() == 1);
            assertThat(headers.payload()).isNotEmpty();
            Frame data = readUntil(c, f -> f.type() == DATA && f.stream() == 1);
            assertThat(new String(data.payload(), StandardCharsets.UTF_8)).contains("\"status\":413");
            Frame reset = readUntil(c, f -> f.type() == RST_STREAM);
            assertThat(reset.errorCode()).isZero(); // NO_ERROR: "stop sending, the answer is complete"
        } finally {
            small.close();
        }
    }

    @Test
    void answersAStreamWhoseBodyStallsWith408AndKeepsTheConnection() throws Exception {
        HttpServer quick = HttpServer.builder().router(TestApp.router()).host("127.0.0.1").port(0)
                .requestTimeout(java.time.Duration.ofMillis(300)).build().start();
        try (RawClient c = new RawClient(quick.port())) {
            c.send(PREFACE).send(frame(SETTINGS, 0, 0, new byte[0]));
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            h.write(0x83); // :method POST
            h.write(0x86);
            h.write(0x04);
            h.write(5);
            h.writeBytes("/echo".getBytes(StandardCharsets.US_ASCII));
            c.send(frame(HEADERS, 0x4, 1, h.toByteArray())); // END_HEADERS, no END_STREAM: a body should follow
            c.send(frame(DATA, 0, 1, "part".getBytes(StandardCharsets.US_ASCII))); // ... and then nothing more
            Frame data = readUntil(c, f -> f.type() == DATA && f.stream() == 1);
            assertThat(new String(data.payload(), StandardCharsets.UTF_8)).contains("\"status\":408");
            Frame reset = readUntil(c, f -> f.type() == RST_STREAM);
            assertThat(reset.stream()).isEqualTo(1);

            c.send(frame(HEADERS, 0x5, 3, getHeaders("/hello")));
            Frame ok = readUntil(c, f -> f.type() == DATA && f.stream() == 3);
            assertThat(new String(ok.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"hello\"}");
        } finally {
            quick.close();
        }
    }
}

package dev.allframe.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.allframe.server.Http2ProtocolErrorsTest.DATA;
import static dev.allframe.server.Http2ProtocolErrorsTest.HEADERS;
import static dev.allframe.server.Http2ProtocolErrorsTest.PREFACE;
import static dev.allframe.server.Http2ProtocolErrorsTest.SETTINGS;
import static dev.allframe.server.Http2ProtocolErrorsTest.frame;
import static dev.allframe.server.Http2ProtocolErrorsTest.getHeaders;
import static dev.allframe.server.Http2ProtocolErrorsTest.readUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connections that never start a request are closed after the connection start timeout (1 s here), whatever
 * stage they stall in; requests that do start, and keep-alive connections between requests, are left to the
 * request and idle timeouts. A stalled connection that stays open for 5 s (the client's read timeout, far below
 * every other timeout here and Netty's own 10 s TLS handshake timeout) fails the test.
 */
class ConnectionStartTimeoutTest {
    private static final int CLIENT_WAIT_MILLIS = 5000;

    @TempDir
    static Path dir;
    static SelfSignedCertificate cert;
    static HttpServer server;
    static HttpServer tls;

    @BeforeAll
    static void start() throws Exception {
        server = quick(HttpServer.builder()).build().start();
        cert = SelfSignedCertificate.create(dir);
        tls = quick(HttpServer.builder()).tls(cert.certPem(), cert.keyPem()).build().start();
    }

    private static HttpServer.Builder quick(HttpServer.Builder b) {
        return b.router(TestApp.router()).host("127.0.0.1").port(0)
                .connectionStartTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(20))
                .idleTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (tls != null) {
            tls.close();
        }
    }

    @AfterEach
    void serverStillServesTheNextClient() throws Exception {
        try (RawClient c = client(server)) {
            String r = c.send("GET /hello HTTP/1.1\r\nhost: x\r\n\r\n").readResponse();
            assertThat(r).startsWith("HTTP/1.1 200 OK");
        }
    }

    private static RawClient client(HttpServer s) throws IOException {
        RawClient c = new RawClient(s.port());
        c.socket.setSoTimeout(CLIENT_WAIT_MILLIS);
        return c;
    }

    @Test
    void closesAConnectionThatSendsNothing() throws Exception {
        try (RawClient c = client(server)) {
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void closesAConnectionThatSendsOnlyTheStartOfTheHttp2Preface() throws Exception {
        try (RawClient c = client(server)) {
            assertThat(c.send("PR").closedByServer()).isTrue();
        }
    }

    @Test
    void closesAConnectionThatSendsPartOfAnHttp11RequestLine() throws Exception {
        try (RawClient c = client(server)) {
            assertThat(c.send("GET /hel").closedByServer()).isTrue();
        }
    }

    @Test
    void closesAConnectionThatSendsARequestLineButNeverEndsItsHeaders() throws Exception {
        try (RawClient c = client(server)) {
            assertThat(c.send("GET /hello HTTP/1.1\r\nhost: x\r\n").closedByServer()).isTrue();
        }
    }

    @Test
    void closesAnH2cConnectionThatSendsThePrefaceButNoRequest() throws Exception {
        try (RawClient c = client(server)) {
            c.send(PREFACE).send(frame(SETTINGS, 0, 0, new byte[0]));
            readUntil(c, f -> f.type() == SETTINGS); // the server's settings: HTTP/2 was chosen
            String rest = c.readUntilClosed(); // fails with a read timeout if the server keeps it open
            assertThat(rest).isNotNull();
        }
    }

    @Test
    void closesATlsConnectionThatNeverHandshakes() throws Exception {
        try (RawClient c = client(tls)) {
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void closesATlsConnectionThatHandshakesButSendsNoRequest() throws Exception {
        for (String protocol : new String[] {"h2", "http/1.1"}) {
            try (SSLSocket s = (SSLSocket) cert.clientContext().getSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress("127.0.0.1", tls.port()), 5000);
                s.setSoTimeout(CLIENT_WAIT_MILLIS);
                SSLParameters params = s.getSSLParameters();
                params.setApplicationProtocols(new String[] {protocol});
                s.setSSLParameters(params);
                assertThat(closedAfterHandshake(s, protocol)).as(protocol).isTrue();
            }
        }
    }

    /**
     * Handshakes, sends the HTTP/2 preface if ALPN chose h2, and waits for the server to close. On a slow machine
     * the server may close before the handshake or the preface is through: that is a close too. Only a read
     * timeout means the connection stayed open.
     */
    private static boolean closedAfterHandshake(SSLSocket s, String protocol) throws IOException {
        try {
            s.startHandshake();
            assertThat(s.getApplicationProtocol()).isEqualTo(protocol);
            if (protocol.equals("h2")) {
                OutputStream out = s.getOutputStream();
                out.write(PREFACE);
                out.write(frame(SETTINGS, 0, 0, new byte[0]));
                out.flush();
            }
            s.getInputStream().readAllBytes(); // the server's settings, if any, then the end
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException closed) {
            return true;
        }
    }

    @Test
    void leavesAStartedRequestWhoseBodyArrivesSlowlyToTheRequestTimeout() throws Exception {
        try (RawClient c = client(server)) {
            c.send("POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: 10\r\n\r\n");
            for (int i = 0; i < 5; i++) {
                Thread.sleep(400); // 2 s in all, well past the 1 s start timeout
                c.send("ab");
            }
            assertThat(c.readResponse()).startsWith("HTTP/1.1 200 OK").endsWith("ababababab");
        }
    }

    @Test
    void leavesAKeepAliveConnectionBetweenRequestsToTheIdleTimeout() throws Exception {
        try (RawClient c = client(server)) {
            assertThat(c.send("GET /hello HTTP/1.1\r\nhost: x\r\n\r\n").readResponse()).startsWith("HTTP/1.1 200");
            Thread.sleep(1500);
            assertThat(c.send("GET /items/2 HTTP/1.1\r\nhost: x\r\n\r\n").readResponse()).endsWith("item 2 q=[]");
        }
    }

    @Test
    void leavesAnHttp2ConnectionBetweenRequestsToTheIdleTimeout() throws Exception {
        try (RawClient c = client(server)) {
            c.send(PREFACE).send(frame(SETTINGS, 0, 0, new byte[0]));
            c.send(frame(HEADERS, 0x5, 1, getHeaders("/hello")));
            readUntil(c, f -> f.type() == DATA && f.stream() == 1 && (f.flags() & 1) == 1);
            Thread.sleep(1500);
            c.send(frame(HEADERS, 0x5, 3, getHeaders("/items/3")));
            var data = readUntil(c, f -> f.type() == DATA && f.stream() == 3);
            assertThat(new String(data.payload(), StandardCharsets.UTF_8)).isEqualTo("item 3 q=[]");
        }
    }

    @Test
    void theTimeoutComesFromTheEnvironmentAndDefaultsToTenSeconds() {
        assertThat(HttpServer.builder().connectionStartTimeout).isEqualTo(Duration.ofSeconds(10));
        assertThat(HttpServer.fromEnvironment(Map.of("ALLFRAME_CONNECTION_START_TIMEOUT", "2500ms"))
                .connectionStartTimeout).isEqualTo(Duration.ofMillis(2500));
        assertThat(HttpServer.fromEnvironment(Map.of("ALLFRAME_CONNECTION_START_TIMEOUT", "3s"))
                .connectionStartTimeout).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> HttpServer.fromEnvironment(Map.of("ALLFRAME_CONNECTION_START_TIMEOUT", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ALLFRAME_CONNECTION_START_TIMEOUT (expected a duration such as 10s, 2500ms or 10): "
                        + "'soon'");
        assertThatThrownBy(() -> HttpServer.fromEnvironment(Map.of("ALLFRAME_CONNECTION_START_TIMEOUT", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ALLFRAME_CONNECTION_START_TIMEOUT (expected > 0): '0'");
    }
}

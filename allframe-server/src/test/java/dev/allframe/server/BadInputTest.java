package dev.allframe.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Input no honest client sends, over raw sockets; after each case the server must still serve the next client. */
class BadInputTest {
    static HttpServer server;

    @BeforeAll
    static void start() {
        server = HttpServer.builder().router(TestApp.router()).host("127.0.0.1").port(0)
                .maxHeaderBytes(4096).maxBodyBytes(1000)
                .requestTimeout(Duration.ofMillis(500)).idleTimeout(Duration.ofSeconds(30))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void serverStillServesTheNextClient() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GET /hello HTTP/1.1\r\nhost: x\r\n\r\n").readResponse();
            assertThat(r).startsWith("HTTP/1.1 200 OK").endsWith("{\"message\":\"hello\"}");
        }
    }

    @Test
    void answersAMalformedRequestLineWith400AndCloses() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GARBAGE\r\n\r\n").readUntilClosed();
            assertThat(r).startsWith("HTTP/1.1 400 Bad Request").contains("connection: close")
                    .contains("application/problem+json").contains("Malformed HTTP request");
        }
    }

    @Test
    void answersInvalidPercentEncodingWith400ProblemAndKeepsTheConnection() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GET /items/1?q=%zz HTTP/1.1\r\nhost: x\r\n\r\n").readResponse();
            assertThat(r).startsWith("HTTP/1.1 400 Bad Request").contains("application/problem+json")
                    .contains("\"status\":400");
            String next = c.send("GET /items/%G1 HTTP/1.1\r\nhost: x\r\n\r\n").readResponse();
            assertThat(next).startsWith("HTTP/1.1 400 Bad Request");
        }
    }

    @Test
    void answersOversizedHeadersWith431() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GET /hello HTTP/1.1\r\nhost: x\r\nx-big: " + "a".repeat(8000) + "\r\n\r\n")
                    .readUntilClosed();
            assertThat(r).startsWith("HTTP/1.1 431 Request Header Fields Too Large")
                    .contains("exceed the limit of 4096 bytes");
        }
    }

    @Test
    void answersAnOversizedContentLengthWith413BeforeReadingTheBody() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: 5000\r\n\r\n" + "a".repeat(100))
                    .readUntilClosed();
            assertThat(r).startsWith("HTTP/1.1 413 Content Too Large")
                    .contains("The request body of 5000 bytes exceeds the limit of 1000 bytes");
        }
    }

    @Test
    void answersAnOversizedChunkedBodyWith413WhileReading() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String chunk = "a".repeat(600);
            String r = c.send("POST /echo HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n"
                    + "258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n").readUntilClosed();
            assertThat(r).startsWith("HTTP/1.1 413 Content Too Large").contains("more than 1000 bytes");
        }
    }

    @Test
    void acceptsABodyAtTheLimit() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n\r\n" + "b".repeat(1000))
                    .readResponse();
            assertThat(r).startsWith("HTTP/1.1 200 OK").endsWith("b".repeat(1000));
        }
    }

    @Test
    void answersAClientThatStallsMidRequestWith408AndCloses() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GET /hello HTTP/1.1\r\nhost: x\r\nx-partial: ").readUntilClosed();
            assertThat(r).startsWith("HTTP/1.1 408 Request Timeout").contains("within 500 ms");
        }
    }

    @Test
    void answersPipelinedRequestsInOrderEvenWhenTheFirstIsSlow() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send("GET /sleep/300 HTTP/1.1\r\nhost: x\r\n\r\nGET /items/2 HTTP/1.1\r\nhost: x\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n");
            String all = c.readUntilClosed();
            int slow = all.indexOf("slept 300");
            int item = all.indexOf("item 2");
            int hello = all.indexOf("{\"message\":\"hello\"}");
            assertThat(slow).isPositive();
            assertThat(item).isGreaterThan(slow);
            assertThat(hello).isGreaterThan(item);
        }
    }

    @Test
    void answersHttp10WithoutKeepAliveAndCloses() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            String r = c.send("GET /hello HTTP/1.0\r\n\r\n").readUntilClosed();
            assertThat(r).startsWith("HTTP/1.0 200 OK").endsWith("{\"message\":\"hello\"}");
        }
    }

    @Test
    void closesAnIdleConnectionAfterTheIdleTimeout() throws Exception {
        HttpServer quick = HttpServer.builder().router(TestApp.router()).host("127.0.0.1").port(0)
                .idleTimeout(Duration.ofMillis(300)).build().start();
        try (RawClient c = new RawClient(quick.port())) {
            assertThat(c.send("GET /hello HTTP/1.1\r\nhost: x\r\n\r\n").readResponse()).startsWith("HTTP/1.1 200");
            assertThat(c.closedByServer()).isTrue();
        } finally {
            quick.close();
        }
    }

    @Test
    void answersAnH2cUpgradeWhoseTargetHttp2CannotCarryOverHttp11() throws Exception {
        // Found by Http1ParsingFuzzTest: the server switched protocols, then failed converting the request to
        // HTTP/2 (a NUL is no valid :path, an empty host no valid :authority), logged an "unexpected error" and
        // closed without an answer.
        String upgrade = "connection: Upgrade, HTTP2-Settings\r\nupgrade: h2c\r\n"
                + "http2-settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n";
        for (String head : new String[] {"GET /\0\0 HTTP/1.1\r\nhost: x\r\n", "GET / HTTP/1.1\r\nhost: \r\nhost: x\r\n"}) {
            try (RawClient c = new RawClient(server.port())) {
                String r = c.send(head + upgrade).readResponse();
                assertThat(r).as(head).startsWith("HTTP/1.1 4").contains("application/problem+json");
            }
        }
    }

    @Test
    void answersExpectContinueBeforeTheBody() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\nexpect: 100-continue\r\n\r\n");
            assertThat(c.readResponse()).startsWith("HTTP/1.1 100 Continue");
            assertThat(c.send("hello").readResponse()).startsWith("HTTP/1.1 200 OK").endsWith("hello");
        }
    }
}

package dev.allframe.server;

import dev.allframe.testkit.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS with ALPN, from PEM files, and curl as a second, independent HTTP/2 client. */
class TlsAndCurlTest {
    @TempDir
    static Path dir;
    static SelfSignedCertificate cert;
    static HttpServer tls;
    static HttpServer cleartext;

    @BeforeAll
    static void start() throws Exception {
        cert = SelfSignedCertificate.create(dir);
        tls = HttpServer.builder().router(TestApp.router()).host("127.0.0.1").port(0)
                .tls(cert.certPem(), cert.keyPem()).build().start();
        cleartext = HttpServer.builder().router(TestApp.router()).host("127.0.0.1").port(0).build().start();
    }

    @AfterAll
    static void stop() {
        if (tls != null) {
            tls.close();
        }
        if (cleartext != null) {
            cleartext.close();
        }
    }

    @Test
    void negotiatesHttp2OverTlsWithAlpn() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().sslContext(cert.clientContext())
                .version(HttpClient.Version.HTTP_2).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + tls.port() + "/whoami")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(r.body()).startsWith("HTTP/2 ");
        }
    }

    @Test
    void servesHttp11OverTlsWhenTheClientAsksForIt() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().sslContext(cert.clientContext())
                .version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + tls.port() + "/whoami")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(r.body()).startsWith("HTTP/1.1 ");
        }
    }

    @Test
    void curlGetsHttp2OverTls() throws Exception {
        Path curl = Tools.require("curl", "check HTTP/2 over TLS with an independent client");
        Result r = run(curl.toString(), "-sS", "-k", "--http2", "-o", "-", "-w", "\n%{http_version}",
                "https://127.0.0.1:" + tls.port() + "/hello");
        assertThat(r.exit).as(r.stderr).isZero();
        assertThat(r.stdout).isEqualTo("{\"message\":\"hello\"}\n2");
    }

    @Test
    void curlGetsHttp2WithPriorKnowledgeOnCleartext() throws Exception {
        Path curl = Tools.require("curl", "check h2c prior knowledge with an independent client");
        Result r = run(curl.toString(), "-sS", "--http2-prior-knowledge", "-o", "-", "-w", "\n%{http_version}",
                "http://127.0.0.1:" + cleartext.port() + "/hello");
        assertThat(r.exit).as(r.stderr).isZero();
        assertThat(r.stdout).isEqualTo("{\"message\":\"hello\"}\n2");
    }

    @Test
    void curlUpgradesToH2cAndPostsABody() throws Exception {
        Path curl = Tools.require("curl", "check the h2c upgrade with an independent client");
        Result r = run(curl.toString(), "-sS", "--http2", "-o", "-", "-w", "\n%{http_version}",
                "http://127.0.0.1:" + cleartext.port() + "/items/7?q=up");
        assertThat(r.exit).as(r.stderr).isZero();
        assertThat(r.stdout).isEqualTo("item 7 q=[up]\n2");
        Result post = run(curl.toString(), "-sS", "--http2-prior-knowledge", "-H", "content-type: text/plain",
                "--data-binary", "posted", "http://127.0.0.1:" + cleartext.port() + "/echo");
        assertThat(post.stdout).isEqualTo("posted");
    }

    @Test
    void answersOversizedHeadersWith431OverHttp2AndKeepsServing() throws Exception {
        Path curl = Tools.require("curl", "send an oversized HTTP/2 header list");
        String url = "http://127.0.0.1:" + cleartext.port() + "/hello";
        Result big = run(curl.toString(), "-sS", "--http2-prior-knowledge", "-H", "x-big: " + "a".repeat(20_000),
                "-o", "/dev/null", "-w", "%{http_code} %{http_version}", url);
        assertThat(big.stdout).isEqualTo("431 2");
        Result next = run(curl.toString(), "-sS", "--http2-prior-knowledge", "-o", "/dev/null", "-w", "%{http_code}", url);
        assertThat(next.stdout).isEqualTo("200");
    }

    @Test
    void refusesToStartWithAMissingOrBrokenKeyFile() throws Exception {
        assertThatThrownBy(() -> HttpServer.builder().router(TestApp.router()).port(0)
                .tls(cert.certPem(), dir.resolve("missing.pem")).build().start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.pem");
        Path broken = Files.writeString(dir.resolve("broken.pem"), "not a key");
        assertThatThrownBy(() -> HttpServer.builder().router(TestApp.router()).port(0)
                .tls(cert.certPem(), broken).build().start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken.pem")
                .hasMessageContaining("PEM");
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.add(1, "--max-time");
        cmd.add(2, "10");
        Process p = new ProcessBuilder(cmd).start();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                throw new AssertionError("curl did not finish: " + cmd);
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }
}

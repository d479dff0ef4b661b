package dev.allframe.server;

import dev.allframe.health.HealthCheck;
import dev.allframe.health.HealthChecks;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calls every public entry point of the module, so an API break fails compilation here first. */
class PublicApiTest {
    @Test
    void everyBuilderSetterValidatesItsArgument() {
        HttpServer.Builder b = HttpServer.builder();
        assertThatThrownBy(() -> b.port(-1)).hasMessage("port (expected 0..65535): -1");
        assertThatThrownBy(() -> b.maxHeaderBytes(10)).hasMessage("maxHeaderBytes (expected >= 1024): 10");
        assertThatThrownBy(() -> b.maxBodyBytes(-1)).hasMessageContaining("maxBodyBytes (expected 0..");
        assertThatThrownBy(() -> b.idleTimeout(Duration.ZERO)).hasMessage("idleTimeout (expected > 0): PT0S");
        assertThatThrownBy(() -> b.requestTimeout(Duration.ofSeconds(-1))).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> b.connectionStartTimeout(Duration.ZERO))
                .hasMessage("connectionStartTimeout (expected > 0): PT0S");
        assertThatThrownBy(() -> b.shutdownGrace(Duration.ofSeconds(-1))).hasMessageContaining("shutdownGrace");
        assertThatThrownBy(() -> b.ioThreads(0)).hasMessage("ioThreads (expected >= 1): 0");
    }

    @Test
    void aFullyConfiguredServerStartsReportsItsAddressAndCloses() {
        Router router = Router.builder().get("/", req -> Response.text("ok")).build();
        HttpServer server = HttpServer.fromEnvironment(Map.of("PORT", "0"))
                .router(router).host("127.0.0.1")
                .maxHeaderBytes(8192).maxBodyBytes(1024)
                .idleTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(5))
                .connectionStartTimeout(HttpServer.Builder.DEFAULT_CONNECTION_START_TIMEOUT)
                .shutdownGrace(Duration.ofSeconds(1))
                .health(HealthChecks.builder().liveness("x", HealthCheck.Result::up).build())
                .onShutdown(() -> { })
                .handleSignals(false)
                .ioThreads(1)
                .devEndpoints(false)
                .devRoutes(routes -> routes.get("/_allframe/tool", req -> Response.text("dev only")))
                .build();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        server.start();
        try {
            InetSocketAddress address = server.address();
            assertThat(address.getPort()).isEqualTo(server.port()).isPositive();
            assertThat(server.draining()).isFalse();
            assertThatThrownBy(server::start).hasMessageContaining("already started");
        } finally {
            server.close();
        }
        assertThat(server.draining()).isTrue();
        server.close(); // idempotent
        assertThat(HttpServer.REMOTE_ADDRESS.type()).isEqualTo(InetSocketAddress.class);
        assertThat(HttpServer.PROTOCOL.type()).isEqualTo(String.class);
        assertThatThrownBy(() -> HttpServer.builder().tls(Path.of("c"), null)).isInstanceOf(NullPointerException.class);
    }
}

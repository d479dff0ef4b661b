package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import dev.allframe.inject.ConfigurationException;
import dev.allframe.inject.Container;
import dev.allframe.inject.Environment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compiles a small application with the processor and runs the container it generated. */
class ContainerBehaviourTest {
    static final String APP = """
            package shop;

            import dev.allframe.inject.AllFrameApplication;

            @AllFrameApplication
            public class ShopApp {
            }
            """;

    static final String COMPONENTS = """
            package shop;

            import dev.allframe.inject.Env;
            import dev.allframe.inject.Factory;
            import dev.allframe.inject.Init;
            import dev.allframe.inject.Provides;
            import dev.allframe.processor.Events;
            import jakarta.inject.Inject;
            import jakarta.inject.Named;
            import jakarta.inject.Provider;
            import jakarta.inject.Singleton;
            import java.time.Duration;
            import java.util.Optional;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            @Singleton
            class Repository implements AutoCloseable {
                Repository() { Events.record("new Repository"); }
                @Override public void close() { Events.record("close Repository"); }
            }

            @Singleton
            class Audit {
                Audit() { Events.record("new Audit"); }
            }

            @Singleton
            class Service implements AutoCloseable {
                final Repository repository;
                final Provider<Audit> audit;
                @Inject Service(Repository repository, Provider<Audit> audit) {
                    this.repository = repository;
                    this.audit = audit;
                    Events.record("new Service");
                }
                @Init void start() { Events.record("init Service"); }
                Audit audit() { return audit.get(); }
                @Override public void close() { Events.record("close Service"); }
            }

            class PerRequest {
                @Inject PerRequest(Service service) { }
            }

            interface Store { String name(); }

            @Singleton @Named("memory")
            class MemoryStore implements Store { public String name() { return "memory"; } }

            @Singleton @Named("disk")
            class DiskStore implements Store { public String name() { return "disk"; } }

            @Singleton
            class Uses {
                final Store store;
                Uses(@Named("disk") Store store) { this.store = store; }
                String storeName() { return store.name(); }
            }

            enum Mode { FAST, SAFE }

            @Singleton
            class Config {
                final String table; final int port; final Duration timeout; final Mode mode; final boolean debug;
                final Optional<String> region; final long limit;
                Config(@Env("EVENT_TABLE") String table,
                       @Env(value = "PORT", defaultValue = "8080") int port,
                       @Env(value = "TIMEOUT", defaultValue = "30s") Duration timeout,
                       @Env(value = "MODE", defaultValue = "FAST") Mode mode,
                       @Env(value = "DEBUG", defaultValue = "false") boolean debug,
                       @Env("REGION") Optional<String> region,
                       @Env(value = "LIMIT", defaultValue = "10") Long limit) {
                    this.table = table; this.port = port; this.timeout = timeout; this.mode = mode;
                    this.debug = debug; this.region = region; this.limit = limit;
                }
                String table() { return table; }
                int port() { return port; }
                Duration timeout() { return timeout; }
                String mode() { return mode.name(); }
                boolean debug() { return debug; }
                Optional<String> region() { return region; }
                long limit() { return limit; }
            }

            @Factory
            class Executors2 {
                @Provides ExecutorService executor(@Env(value = "THREADS", defaultValue = "2") int threads) {
                    Events.record("new executor " + threads);
                    return Executors.newFixedThreadPool(threads);
                }
            }

            @Singleton
            class Worker {
                final ExecutorService executor;
                Worker(ExecutorService executor, Service service) { this.executor = executor; }
                ExecutorService executor() { return executor; }
            }
            """;

    static final Map<String, String> ENV = Map.of("EVENT_TABLE", "orders-events");

    static Compilation compilation;
    static URLClassLoader loader;

    @BeforeAll
    static void compile(@TempDir Path dir) throws Exception {
        compilation = Fixtures.compile(APP, COMPONENTS);
        assertThat(compilation).succeededWithoutWarnings();
        loader = Fixtures.load(compilation, dir);
    }

    @AfterAll
    static void closeLoader() throws Exception {
        loader.close();
    }

    @BeforeEach
    void forgetEvents() {
        Events.drain();
    }

    static Container create(Map<String, String> env) {
        return (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create", Environment.of(env));
    }

    @Test
    void createsNothingUntilAComponentIsAskedFor() {
        try (Container c = create(ENV)) {
            assertThat(Events.drain()).isEmpty();
            Fixtures.call(c, "service");
            assertThat(Events.drain()).containsExactly("new Repository", "new Service", "init Service");
        }
    }

    @Test
    void sharesOneInstanceOfASingletonAndCreatesUnscopedOnesEachTime() {
        try (Container c = create(ENV)) {
            Object service = Fixtures.call(c, "service");
            assertThat(Fixtures.call(c, "service")).isSameAs(service);
            assertThat(Fixtures.call(service, "audit")).isSameAs(Fixtures.call(c, "audit"));
            assertThat(Fixtures.call(c, "perRequest")).isNotSameAs(Fixtures.call(c, "perRequest"));
            assertThat(Events.drain()).containsOnlyOnce("new Service", "new Repository");
        }
    }

    @Test
    void aProviderCreatesItsComponentOnlyWhenAskedAndThenOnce() {
        try (Container c = create(ENV)) {
            Object service = Fixtures.call(c, "service");
            assertThat(Events.drain()).doesNotContain("new Audit");
            Object audit = Fixtures.call(service, "audit");
            assertThat(Fixtures.call(service, "audit")).isSameAs(audit);
            assertThat(Events.drain()).containsExactly("new Audit");
        }
    }

    @Test
    void injectsTheBindingWithTheRequestedName() {
        try (Container c = create(ENV)) {
            assertThat(Fixtures.call(Fixtures.call(c, "uses"), "storeName")).isEqualTo("disk");
            assertThat(Fixtures.call(Fixtures.call(c, "memoryStore"), "name")).isEqualTo("memory");
        }
    }

    @Test
    void bindsEnvironmentValuesWithDefaultsAndConversions() {
        try (Container c = create(ENV)) {
            Object config = Fixtures.call(c, "config");
            assertThat(Fixtures.call(config, "table")).isEqualTo("orders-events");
            assertThat(Fixtures.call(config, "port")).isEqualTo(8080);
            assertThat(Fixtures.call(config, "timeout")).isEqualTo(Duration.ofSeconds(30));
            assertThat(Fixtures.call(config, "mode")).isEqualTo("FAST");
            assertThat(Fixtures.call(config, "debug")).isEqualTo(false);
            assertThat(Fixtures.call(config, "region")).isEqualTo(Optional.empty());
            assertThat(Fixtures.call(config, "limit")).isEqualTo(10L);
        }
        try (Container c = create(Map.of("EVENT_TABLE", "t", "PORT", "9090", "TIMEOUT", "PT1M", "MODE", "SAFE",
                "DEBUG", "TRUE", "REGION", "eu-west-1", "LIMIT", "5000000000"))) {
            Object config = Fixtures.call(c, "config");
            assertThat(Fixtures.call(config, "port")).isEqualTo(9090);
            assertThat(Fixtures.call(config, "timeout")).isEqualTo(Duration.ofMinutes(1));
            assertThat(Fixtures.call(config, "mode")).isEqualTo("SAFE");
            assertThat(Fixtures.call(config, "debug")).isEqualTo(true);
            assertThat(Fixtures.call(config, "region")).isEqualTo(Optional.of("eu-west-1"));
            assertThat(Fixtures.call(config, "limit")).isEqualTo(5_000_000_000L);
        }
    }

    @Test
    void refusesToStartNamingEveryMissingOrMalformedVariable() {
        assertThatThrownBy(() -> create(Map.of("PORT", "eighty", "MODE", "SLOW", "TIMEOUT", "soon")))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactlyInAnyOrder(
                        "environment variable EVENT_TABLE is required but not set",
                        "environment variable PORT must be an integer, got 'eighty'",
                        "environment variable MODE must be one of FAST, SAFE, got 'SLOW'",
                        "environment variable TIMEOUT must be a duration such as PT30S, 500ms, 30s, 5m, 2h or 1d, "
                                + "got 'soon'"));
        assertThat(Events.drain()).isEmpty();
    }

    @Test
    void closesComponentsInReverseCreationOrder() {
        Container c = create(ENV);
        Object worker = Fixtures.call(c, "worker");
        ExecutorService executor = (ExecutorService) Fixtures.call(worker, "executor");
        assertThat(Events.drain()).containsExactly("new executor 2", "new Repository", "new Service",
                "init Service");
        c.close();
        assertThat(Events.drain()).containsExactly("close Service", "close Repository");
        assertThat(executor.isShutdown()).isTrue();
        c.close(); // idempotent
        assertThat(Events.drain()).isEmpty();
        assertThatThrownBy(() -> Fixtures.call(c, "audit")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aDoorFindsTheContainerThroughTheGeneratedServiceEntry() {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try (Container c = Container.load(Environment.of(ENV))) {
            assertThat(c.getClass().getName()).isEqualTo("shop.ShopAppContainer");
            assertThat(c.environment().get("EVENT_TABLE")).isEqualTo("orders-events");
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @Test
    void generatesPlainFinalAnnotatedJava() {
        String source = Fixtures.generatedSource(compilation, "shop.ShopAppContainer");
        assertThat(source)
                .contains("@Generated(\"dev.allframe.processor.AllFrameProcessor\")")
                .contains("public final class ShopAppContainer implements Container")
                .contains("public Service service()")
                .contains("new Service(repository(), this::audit)")
                .doesNotContain("reflect")
                .doesNotContain("Class.forName");
    }
}

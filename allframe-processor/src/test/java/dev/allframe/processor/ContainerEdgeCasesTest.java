package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import dev.allframe.inject.Container;
import dev.allframe.inject.Environment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaFileObject;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generic bindings, failing constructors and init hooks, concurrent first use, static factories. */
class ContainerEdgeCasesTest {
    static final String SOURCES = """
            package edge;

            import dev.allframe.inject.AllFrameApplication;
            import dev.allframe.inject.Factory;
            import dev.allframe.inject.Init;
            import dev.allframe.inject.Provides;
            import dev.allframe.processor.Events;
            import jakarta.inject.Inject;
            import jakarta.inject.Provider;
            import jakarta.inject.Singleton;
            import java.util.concurrent.atomic.AtomicInteger;

            @AllFrameApplication(container = "EdgeWiring")
            public class EdgeApp { }

            interface Repository<T> { String kind(); }
            record Order(String id) { }
            record Invoice(String id) { }

            @Singleton
            class OrderRepository implements Repository<Order> { public String kind() { return "orders"; } }

            @Singleton
            class InvoiceRepository implements Repository<Invoice> { public String kind() { return "invoices"; } }

            @Singleton
            class Billing {
                final Repository<Order> orders;
                final Repository<Invoice> invoices;
                Billing(Repository<Order> orders, Repository<Invoice> invoices) {
                    this.orders = orders;
                    this.invoices = invoices;
                }
                String kinds() { return orders.kind() + "+" + invoices.kind(); }
            }

            @Singleton
            class Flaky implements AutoCloseable {
                static final AtomicInteger ATTEMPTS = new AtomicInteger();
                Flaky() { Events.record("new Flaky"); }
                @Init void connect() {
                    if (ATTEMPTS.incrementAndGet() == 1) {
                        throw new IllegalStateException("database not ready");
                    }
                }
                @Override public void close() { Events.record("close Flaky"); }
            }

            @Singleton
            class Slow {
                Slow() throws InterruptedException {
                    Events.record("new Slow");
                    Thread.sleep(50);
                }
            }

            class Ticket {
                @Inject Ticket() { Events.record("new Ticket"); }
            }

            @Singleton
            class Booth {
                final Provider<Ticket> tickets;
                Booth(Provider<Ticket> tickets) { this.tickets = tickets; }
                Ticket issue() { return tickets.get(); }
            }

            @Factory
            class Names {
                @Provides static StringBuilder greeting() {
                    Events.record("static greeting");
                    return new StringBuilder("hello");
                }
            }
            """;

    static URLClassLoader loader;

    @BeforeAll
    static void compile(@TempDir Path dir) throws Exception {
        Compilation c = Fixtures.compile(SOURCES);
        assertThat(c).succeededWithoutWarnings();
        loader = Fixtures.load(c, dir);
    }

    @AfterAll
    static void closeLoader() throws Exception {
        loader.close();
    }

    @BeforeEach
    void forgetEvents() {
        Events.drain();
    }

    static Container create() {
        return (Container) Fixtures.callStatic(loader, "edge.EdgeWiring", "create", Environment.of(Map.of()));
    }

    @Test
    void bindsGenericInterfacesByTheirTypeArguments() {
        try (Container c = create()) {
            assertThat(Fixtures.call(Fixtures.call(c, "billing"), "kinds")).isEqualTo("orders+invoices");
        }
    }

    @Test
    void aFailingInitHookClosesTheComponentCachesNothingAndALaterCallRetries() {
        try (Container c = create()) {
            assertThatThrownBy(() -> Fixtures.call(c, "flaky")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("database not ready");
            assertThat(Events.drain()).containsExactly("new Flaky", "close Flaky");
            Object flaky = Fixtures.call(c, "flaky");
            assertThat(Fixtures.call(c, "flaky")).isSameAs(flaky);
            assertThat(Events.drain()).containsExactly("new Flaky");
        }
        assertThat(Events.drain()).containsExactly("close Flaky");
    }

    @Test
    void concurrentFirstCallsCreateASingletonOnce() throws Exception {
        try (Container c = create(); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return Fixtures.call(c, "slow");
                }));
            }
            start.countDown();
            Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<Object> f : results) {
                distinct.add(f.get());
            }
            assertThat(distinct).hasSize(1);
            assertThat(Events.drain()).containsExactly("new Slow");
        }
    }

    @Test
    void aProviderOfAnUnscopedComponentCreatesOneEachTime() {
        try (Container c = create()) {
            Object booth = Fixtures.call(c, "booth");
            assertThat(Events.drain()).isEmpty();
            assertThat(Fixtures.call(booth, "issue")).isNotSameAs(Fixtures.call(booth, "issue"));
            assertThat(Events.drain()).containsExactly("new Ticket", "new Ticket");
        }
    }

    @Test
    void aStaticProvidesMethodNeedsNoFactoryInstance() {
        try (Container c = create()) {
            assertThat(Fixtures.call(c, "greeting").toString()).isEqualTo("hello");
            assertThat(Events.drain()).containsExactly("static greeting");
        }
    }

    @Test
    void rejectsAComponentTheContainerPackageCannotSee() {
        String hidden = """
                package other;

                @jakarta.inject.Singleton
                class Hidden {
                }
                """;
        String app = """
                package edge;

                @dev.allframe.inject.AllFrameApplication
                public class App {
                }
                """;
        JavaFileObject file = Fixtures.source(hidden);
        Compilation c = Fixtures.compile(List.of(Fixtures.source(app), file));
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[AllFrame/NotInjectable] other.Hidden is not visible from the container's "
                + "package edge: make it public, or move it to that package.").inFile(file)
                .onLine(CompileErrorsTest.lineOf(hidden, "class Hidden"));
    }
}

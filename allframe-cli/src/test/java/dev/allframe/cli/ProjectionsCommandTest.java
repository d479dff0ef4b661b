package dev.allframe.cli;

import dev.allframe.cli.testfn.OrdersFunction.Placed;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventTypes;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.http.Router;
import dev.allframe.jdbc.JdbcStores;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ProjectionAdminRoutes;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.server.HttpServer;
import dev.allframe.testkit.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code allframe projections ...} against a real server holding the admin API over a projection on a real SQLite
 * file, and against that file directly with {@code --store}.
 */
class ProjectionsCommandTest {
    private static final String TOKEN = "an-admin-token-of-32-characters!";

    @TempDir
    Path dir;
    private JdbcStores stores;
    private ProjectionRegistry<Placed> registry;
    private HttpServer server;
    private String url;
    private Path tokenFile;
    private final Customers customers = new Customers();
    private StringWriter out;
    private StringWriter err;

    /** A read model of customers that, until its "fix" ships, cannot apply an order by 'mallory'. */
    static final class Customers implements Projection<Placed> {
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        volatile boolean fixed;

        @Override
        public void apply(StoredEvent<Placed> event) {
            if (!fixed && event.event().customer().equals("mallory")) {
                throw new IllegalStateException("cannot apply an order by " + event.event().customer());
            }
            seen.add(event.event().customer());
        }
    }

    @BeforeEach
    void start() throws Exception {
        stores = JdbcStores.sqlite(dir.resolve("app.db"));
        EventStore<Placed> events = EventStore.create(stores.events(),
                EventTypes.builder(Placed.class).register(Placed.class).build());
        for (String who : List.of("ann", "mallory", "bob")) {
            events.append("order-" + who, List.of(new Placed(who, who)), ExpectedVersion.noStream());
        }
        registry = ProjectionRegistry.builder(events, stores.checkpoints()).deadLetters(stores.deadLetters())
                .register("customers", customers).build();
        registry.catchUp();
        server = HttpServer.fromEnvironment(Map.of("PORT", "0")).host("127.0.0.1")
                .router(ProjectionAdminRoutes.register(Router.builder(), registry.control(), TOKEN).build())
                .build().start();
        url = "http://127.0.0.1:" + server.port();
        tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
        stores.close();
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = AllFrameCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void onTheServiceStatusListsTheParkedEventAndRetryAppliesItOnceTheCodeIsFixed() {
        assertThat(run("projections", "status", "--url", url, "--token-file", tokenFile.toString()))
                .as(err::toString).isEqualTo(1);
        assertThat(out.toString().strip()).isEqualTo("customers: STOPPED at global position 3; 1 parked event(s),"
                + " the first at global position 2");

        assertThat(run("projections", "parked", "customers", "--url", url, "--token-file", tokenFile.toString()))
                .isZero();
        assertThat(out.toString()).startsWith("2 order-mallory v1 Placed, 1 attempt(s), parked ")
                .contains(": java.lang.IllegalStateException: cannot apply an order by mallory");

        assertThat(run("projections", "retry", "customers", "--url", url, "--token-file", tokenFile.toString()))
                .as("the bug is still there").isEqualTo(1);
        assertThat(out.toString().strip()).isEqualTo("customers: 0 applied, 1 still parked");

        customers.fixed = true;
        assertThat(run("projections", "retry", "customers", "--url", url, "--token-file", tokenFile.toString(),
                "--json")).isZero();
        assertThat(out.toString().strip()).isEqualTo("{\"projection\":\"customers\",\"applied\":1,\"stillParked\":0}");
        assertThat(customers.seen).containsExactlyInAnyOrder("ann", "mallory", "bob");
        assertThat(stores.deadLetters().list("customers")).as("it left the dead-letter store").isEmpty();
        assertThat(run("projections", "status", "--url", url, "--token-file", tokenFile.toString())).isZero();
        assertThat(out.toString()).contains("customers: STOPPED at global position 3; nothing parked");
    }

    @Test
    void onTheServiceSkipRemovesTheParkedEventWithoutApplyingIt() {
        String[] skip = {"projections", "skip", "customers", "2", "--url", url, "--token-file", tokenFile.toString()};
        assertThat(run(skip)).as(err::toString).isZero();
        assertThat(out.toString().strip()).isEqualTo("customers: skipped the event at global position 2");
        assertThat(customers.seen).containsExactlyInAnyOrder("ann", "bob");
        assertThat(stores.deadLetters().list("customers")).isEmpty();

        assertThat(run(skip)).as("nothing is parked there any more").isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: customers has no event at global position 2 parked");
    }

    @Test
    void skipByStreamAndVersionReachesAnEventWhateverItsPositionOnTheServiceAndInTheStore() {
        String[] skip = {"projections", "skip", "customers", "--stream", "order-mallory", "--stream-version", "1",
                "--url", url, "--token-file", tokenFile.toString()};
        assertThat(run(skip)).as(err::toString).isZero();
        assertThat(out.toString().strip()).isEqualTo("customers: skipped the event of stream 'order-mallory'"
                + " version 1");
        assertThat(stores.deadLetters().list("customers")).isEmpty();
        assertThat(run(skip)).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: customers has no event of stream 'order-mallory'"
                + " version 1 parked");
        assertThat(run("projections", "skip", "customers", "--stream", "order-mallory", "--stream-version", "1",
                "--store", "sqlite:" + dir.resolve("app.db"))).isEqualTo(1);
        assertThat(run("projections", "skip", "customers", "2", "--stream", "order-mallory", "--url", url))
                .isEqualTo(2);
        assertThat(err.toString()).contains("give POSITION, or --stream ID and --stream-version N");
        assertThat(run("projections", "skip", "customers", "--stream", "order-mallory", "--url", url)).isEqualTo(2);
    }

    @Test
    void theServiceRefusesAMissingOrWrongTokenAndUnknownProjectionsAreBadInput() throws Exception {
        assertThat(run("projections", "status", "--url", url)).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: the admin API at " + url + " needs its token");

        Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-token-but-long-enough");
        assertThat(run("projections", "parked", "customers", "--url", url, "--token-file", wrong.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("error: the admin API at " + url + " refused the token (401)");

        assertThat(run("projections", "parked", "nobody", "--url", url, "--token-file", tokenFile.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("error: No projection named 'nobody'");
        assertThat(run("projections", "skip", "nobody", "2", "--url", url, "--token-file", tokenFile.toString()))
                .isEqualTo(2);
        assertThat(run("projections", "status", "nobody", "--url", url, "--token-file", tokenFile.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no projection named 'nobody'");
        assertThat(run("projections", "skip", "customers", "0", "--url", url)).isEqualTo(2);
        assertThat(err.toString()).contains("POSITION (expected >= 1): 0");
    }

    @Test
    void aServiceWithoutTheAdminApiOrNoServiceAtAllIsReportedInOneLine() {
        try (HttpServer plain = HttpServer.fromEnvironment(Map.of("PORT", "0")).host("127.0.0.1")
                .router(Router.builder().build()).build().start()) {
            String plainUrl = "http://127.0.0.1:" + plain.port();
            assertThat(run("projections", "retry", "customers", "--url", plainUrl, "--token-file",
                    tokenFile.toString())).isEqualTo(2);
            assertThat(err.toString()).startsWith("error: the service at " + plainUrl
                    + " has no projection admin API (/_allframe/projections)");
        }
        String closed = "http://127.0.0.1:" + FreePort.pick();
        assertThat(run("projections", "status", "--url", closed)).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no service at " + closed);
    }

    @Test
    void onTheStoreStatusParkedAndSkipUseTheDeadLetterStoreAndCheckpoints() {
        String store = "sqlite:" + dir.resolve("app.db");
        assertThat(run("projections", "status", "customers", "--store", store)).as(err::toString).isEqualTo(1);
        assertThat(out.toString().strip()).isEqualTo("customers: checkpoint at global position 3; 1 parked event(s),"
                + " the first at global position 2");

        assertThat(run("projections", "parked", "customers", "--store", store, "--json")).isZero();
        assertThat(out.toString()).startsWith("[{\"globalPosition\":2,\"streamId\":\"order-mallory\",\"version\":1,"
                + "\"type\":\"Placed\",\"payload\":"
                + "\"{\\\"orderId\\\":\\\"mallory\\\",\\\"customer\\\":\\\"mallory\\\"}\","
                + "\"errorClass\":\"java.lang.IllegalStateException\"");

        assertThat(run("projections", "retry", "customers", "--store", store)).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: retry runs the projection's code, which only the service has");

        assertThat(run("projections", "skip", "customers", "2", "--store", store)).isZero();
        assertThat(stores.deadLetters().list("customers")).isEmpty();
        assertThat(run("projections", "status", "customers", "--store", store)).isZero();
        assertThat(out.toString()).contains("nothing parked");
        assertThat(run("projections", "skip", "customers", "2", "--store", store)).isEqualTo(1);
    }

    @Test
    void badStoreInputIsExitTwoWithTheReason() {
        assertThat(run("projections", "status", "--store", "sqlite:" + dir.resolve("app.db"))).isEqualTo(2);
        assertThat(err.toString()).contains("with --store, name the projections");
        assertThat(run("projections", "parked", "customers", "--store", "sqlite:" + dir.resolve("none.db")))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("error: --store sqlite:" + dir.resolve("none.db") + ": no such file");
        assertThat(run("projections", "parked", "customers", "--store", "ftp://x")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: --store: Unsupported store URL 'ftp://x'");
        assertThat(run("projections", "parked", "customers", "--store", "sqlite:x", "--url", url)).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : List.of("status", "parked", "retry", "skip")) {
            assertThat(run("projections", sub, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: allframe projections " + sub, "--store", "--url");
        }
        assertThat(run("projections", "--help")).isZero();
        assertThat(out.toString()).contains("status", "parked", "retry", "skip", "Exit codes:");
    }
}

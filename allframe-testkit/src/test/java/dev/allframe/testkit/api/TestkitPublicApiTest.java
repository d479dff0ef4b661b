package dev.allframe.testkit.api;

import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.testkit.FreePort;
import dev.allframe.testkit.TerraformCli;
import dev.allframe.testkit.Tools;
import dev.allframe.testkit.aws.Dynoxide;
import dev.allframe.testkit.aws.S3Proxy;
import dev.allframe.testkit.eventstore.EventStoreBackendContract;
import dev.allframe.testkit.idempotency.IdempotencyStoreContract;
import dev.allframe.testkit.lambda.LambdaProcess;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.TaskRoot;
import dev.allframe.testkit.lambda.crac.CheckpointException;
import dev.allframe.testkit.lambda.crac.Context;
import dev.allframe.testkit.lambda.crac.Core;
import dev.allframe.testkit.lambda.crac.Resource;
import dev.allframe.testkit.lambda.crac.RestoreException;
import dev.allframe.testkit.postgres.PostgresServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the testkit's whole public API the way a backend module's tests do, so an API break fails compilation. The
 * parts that start processes are called from {@link #everyCall}, which compiles but does not run (their own tests
 * start them); the rest runs.
 */
class TestkitPublicApiTest {
    /** A backend's conformance test: a fixture per test, optional abilities declared. */
    static final class InMemoryContract extends EventStoreBackendContract {
        @Override
        protected Fixture createFixture() {
            throw new UnsupportedOperationException("compiled, not run: see InMemoryBackendConformanceTest");
        }

        @Override
        protected boolean expectsGlobalOrder() {
            return true;
        }

        @Override
        protected int concurrentWriters() {
            return 2;
        }
    }

    /** An idempotency store's conformance test. */
    static final class IdempotencyContract extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore createStore(Clock clock) {
            throw new UnsupportedOperationException("compiled, not run");
        }

        Duration leaseAndRetention() {
            clock.advance(Duration.ofSeconds(1));
            return LEASE.plus(RETENTION);
        }
    }

    /** A fixture implementation: every method a backend module must supply. */
    record AFixture(InMemoryEventStoreBackend backend, SnapshotStore snapshots, CheckpointStore checkpoints,
                    SagaStore sagas, DeadLetterStore deadLetters) implements EventStoreBackendContract.Fixture {
        @Override
        public void failNextAppendAfter(int events) {
            backend.failNextAppendAfter(events);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theCheapPartsRun() {
        assertThat(FreePort.pick()).isBetween(1, 65535);
        Optional<Path> sh = Tools.find("sh");
        assertThat(sh).isPresent();
        assertThat(Tools.require("sh", "a shell")).isEqualTo(sh.get());
        assertThat(LambdaProcess.Builder.testClassPath()).isNotBlank();
        assertThat(new RuntimeApiEmulator.InvocationResult("id", true, "{}", null, 1).success()).isTrue();
        assertThat(new RuntimeApiEmulator.InitError("E", "{}").errorType()).isEqualTo("E");
        assertThat(new TerraformCli.Result(0, "ok").output()).isEqualTo("ok");
        assertThat(new IdempotencyContract().leaseAndRetention()).isPositive();
        assertThat(Core.registered()).isNotNegative();
        assertThat(Core.checkpoints()).isNotNegative();
        Context<Resource> global = Core.getGlobalContext();
        assertThat(global).isNotNull();
    }

    @SuppressWarnings("unused")
    static void everyCall(Path dir) throws Exception {
        boolean required = Tools.required();
        Tools.unavailable("what is missing");
        try (Dynoxide dynoxide = Dynoxide.start(); S3Proxy s3 = S3Proxy.start();
             PostgresServer postgres = PostgresServer.start();
             RuntimeApiEmulator emulator = RuntimeApiEmulator.start();
             RuntimeApiEmulator named = RuntimeApiEmulator.start("orders")) {
            URI endpoint = dynoxide.endpoint();
            int port = dynoxide.port();
            long pid = dynoxide.pid();
            Path binary = Dynoxide.install();
            URI s3Endpoint = s3.endpoint();
            Optional<Path> bin = PostgresServer.findBinDir();
            String url = postgres.jdbcUrl() + postgres.jdbcUrl("db") + postgres.createDatabase() + postgres.port();
            String address = emulator.address() + emulator.functionArn();
            CompletableFuture<RuntimeApiEmulator.InvocationResult> a = emulator.invoke("{}");
            CompletableFuture<RuntimeApiEmulator.InvocationResult> b = emulator.invoke("{}", Duration.ofSeconds(3),
                    "Root=1-0-0");
            CompletableFuture<RuntimeApiEmulator.InvocationResult> c = emulator.invoke("{}", Duration.ofSeconds(3),
                    null, "{}", "{}");
            RuntimeApiEmulator.InvocationResult result = RuntimeApiEmulator.await(a, Duration.ofSeconds(5));
            String fields = result.requestId() + result.body() + result.errorType() + result.receivedAtNanos();
            RuntimeApiEmulator.InitError init = RuntimeApiEmulator.await(emulator.initError(), Duration.ZERO);
            int calls = emulator.nextCalls();
            List<String> errors = emulator.protocolErrors();
            TaskRoot root = TaskRoot.create(LambdaProcess.Builder.testClassPath(), dir);
            String rootFields = root.runtimeClassPath() + root.dir();
            try (LambdaProcess process = LambdaProcess.builder(emulator).javaHome(Path.of("jdk"))
                    .classPath("cp").jvmOptions(List.of("-Xshare:auto")).ric("a.Handler").main("a.Main", "x")
                    .handler("a.Handler::handleRequest").env("K", "V").taskRoot(root).log(dir.resolve("log"))
                    .start()) {
                Process p = process.process();
                String output = process.output();
                Optional<Integer> exit = process.waitForExit(Duration.ofSeconds(1));
                OptionalLong rss = process.peakRssKib();
                int code = process.terminate(Duration.ofSeconds(1));
            }
        }
        TerraformCli terraform = TerraformCli.require("a plan");
        Optional<Path> mirror = TerraformCli.awsMirror();
        Path required2 = TerraformCli.requireAwsMirror();
        TerraformCli.removeWorkingFiles(dir);
        String out = terraform.run(dir, "version");
        TerraformCli.Result r = terraform.tryRun(dir, "version");
        int exitCode = r.exit();
        Core.getGlobalContext().register(new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
            }
        });
        try {
            Core.checkpointRestore();
        } catch (CheckpointException | RestoreException e) {
            throw new AssertionError(e);
        }
    }
}

package dev.allframe.store;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.inject.Environment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoresTest {
    private static Environment env(String... pairs) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Environment.of(m);
    }

    @Test
    void theStoreUrlWinsOverTheEventTableWhichWinsOverTheDefault() {
        assertThat(Stores.selectedUrl(env(), "sqlite:x.db")).isEqualTo("sqlite:x.db");
        assertThat(Stores.selectedUrl(env("EVENT_TABLE", " orders "), "sqlite:x.db")).isEqualTo("dynamodb:orders");
        assertThat(Stores.selectedUrl(env("ALLFRAME_STORE", " memory: ", "EVENT_TABLE", "orders"), "sqlite:x.db"))
                .isEqualTo("memory:");
        assertThat(Stores.selectedUrl(env("ALLFRAME_STORE", "  ", "EVENT_TABLE", ""), "memory:")).isEqualTo("memory:");
    }

    @Test
    void memoryNeedsNoBackendModuleAndKeepsEvents() {
        try (Stores stores = Stores.fromEnvironment(env(), "memory:")) {
            assertThat(stores.url()).isEqualTo("memory:");
            stores.events().append("s", List.of(new EventData("Tick", "{}".getBytes(), null)), ExpectedVersion.noStream());
            assertThat(stores.events().version("s")).isEqualTo(1);
            assertThat(stores.snapshots()).isSameAs(stores.snapshots());
            assertThat(stores.checkpoints()).isNotNull();
            assertThat(stores.sagas()).isNotNull();
            assertThat(stores.idempotency()).isNotNull();
        }
    }

    @Test
    void theProviderThatAcceptsTheUrlOpensItWithTheWholeEnvironment() {
        try (Stores stores = Stores.fromEnvironment(env("ALLFRAME_STORE", "test:one", "SNAPSHOT_BUCKET", "b"),
                "memory:")) {
            assertThat(stores).isNotNull();
        }
        assertThat(RecordingStoresProvider.openedUrl).isEqualTo("test:one");
        assertThat(RecordingStoresProvider.bucketSeen).isEqualTo("b");
    }

    @Test
    void aUrlNoProviderAcceptsNamesTheModuleToAdd() {
        assertThatThrownBy(() -> Stores.fromEnvironment(env("EVENT_TABLE", "orders"), "memory:"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ALLFRAME_STORE='dynamodb:orders'")
                .hasMessageContaining("dev.allframe:allframe-aws");
        assertThatThrownBy(() -> Stores.fromEnvironment(env(), "sqlite:.allframe/app.db"))
                .hasMessageContaining("dev.allframe:allframe-jdbc");
        assertThatThrownBy(() -> Stores.open("jdbc:postgresql://h/db?user=u&password=secret", env()))
                .hasMessageContaining("allframe-jdbc").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Stores.open("mongo://x", env()))
                .hasMessageContaining("expected memory:");
    }

    @Test
    void knownProvidersAreAskedBeforeTheServiceLoaderOnesWithoutReflection() {
        java.util.List<String> opened = new java.util.ArrayList<>();
        StoresProvider direct = new StoresProvider() {
            @Override
            public boolean accepts(String url) {
                return url.startsWith("test:");
            }

            @Override
            public Stores open(String url, Environment environment) {
                opened.add(url);
                return Stores.memory();
            }
        };
        RecordingStoresProvider.openedUrl = null;
        try (Stores stores = Stores.fromEnvironment(env("ALLFRAME_STORE", "test:two"), "memory:", direct)) {
            assertThat(opened).containsExactly("test:two");
        }
        assertThat(RecordingStoresProvider.openedUrl).as("the ServiceLoader one was not needed").isNull();
        try (Stores stores = Stores.fromEnvironment(env(), "memory:", direct)) {
            assertThat(stores.url()).as("falls back to the class path's providers").isEqualTo("memory:");
            assertThat(opened).hasSize(1);
        }
    }

    @Test
    void aKnownProviderOpensTheStoreWithoutLoadingTheServiceLoader() throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                KnownProviderMain.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        // ServiceLoader's reflective instantiation spins ~280 classes on a cold start; a known provider needs none.
        assertThat(out).contains("opened memory:").doesNotContain("java.util.ServiceLoader ");
    }
}

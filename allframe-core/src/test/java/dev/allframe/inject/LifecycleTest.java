package dev.allframe.inject;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {
    final List<String> closed = new ArrayList<>();

    AutoCloseable resource(String name) {
        return () -> closed.add(name);
    }

    @Test
    void closesInReverseRegistrationOrderOnceAndIgnoresPlainObjects() {
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.register(resource("pool"));
        lifecycle.register("not closeable");
        lifecycle.register(resource("repository"));
        lifecycle.close();
        lifecycle.close();
        assertThat(closed).containsExactly("repository", "pool");
        assertThat(lifecycle.isClosed()).isTrue();
        assertThatThrownBy(() -> lifecycle.register("late")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the container is closed");
        assertThatThrownBy(lifecycle::ensureOpen).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closesEveryComponentEvenWhenSomeFailAndReportsTheFailures() {
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.register(resource("first"));
        lifecycle.register((AutoCloseable) () -> {
            throw new IOException("disk gone");
        });
        lifecycle.register((AutoCloseable) () -> {
            throw new IllegalStateException("already closed");
        });
        assertThatThrownBy(lifecycle::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed")
                .satisfies(e -> {
                    assertThat(e.getCause()).hasMessage("already closed");
                    assertThat(e.getSuppressed()).singleElement().satisfies(s -> assertThat(s).hasMessage("disk gone"));
                });
        assertThat(closed).containsExactly("first");
    }

    @Test
    void aFailingInitHookClosesTheComponentAndRegistersNothing() {
        Lifecycle lifecycle = new Lifecycle();
        AutoCloseable component = resource("half-made");
        assertThatThrownBy(() -> lifecycle.initialize(component, c -> {
            throw new IOException("cannot warm up");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("@Init of")
                .hasRootCauseMessage("cannot warm up");
        assertThat(closed).containsExactly("half-made");
        assertThatThrownBy(() -> lifecycle.initialize("x", c -> {
            throw new IllegalArgumentException("bad");
        })).isExactlyInstanceOf(IllegalArgumentException.class);
        lifecycle.close();
        assertThat(closed).containsExactly("half-made");
    }

    @Test
    void anInitHookRunsBeforeRegistration() {
        Lifecycle lifecycle = new Lifecycle();
        List<String> seen = new ArrayList<>();
        AutoCloseable c = lifecycle.initialize(resource("db"), x -> seen.add("init"));
        assertThat(seen).containsExactly("init");
        lifecycle.close();
        assertThat(closed).containsExactly("db");
        assertThat(c).isNotNull();
    }
}

package dev.allframe.inject;

import dev.allframe.cqrs.Command;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.CommandRegistrations;
import dev.allframe.cqrs.Decider;
import dev.allframe.cqrs.Event;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventTypes;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.handler.annotation.HandleCommand;
import dev.allframe.handler.annotation.HandleQuery;
import dev.allframe.handler.annotation.ProjectionHandler;
import dev.allframe.handler.annotation.SagaHandler;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.annotation.Body;
import dev.allframe.http.annotation.Delete;
import dev.allframe.http.annotation.Get;
import dev.allframe.http.annotation.Header;
import dev.allframe.http.annotation.Params;
import dev.allframe.http.annotation.Patch;
import dev.allframe.http.annotation.PathParam;
import dev.allframe.http.annotation.Post;
import dev.allframe.http.annotation.Put;
import dev.allframe.http.annotation.QueryParam;
import dev.allframe.http.annotation.ResponseStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uses every public type and member of the DI, route and handler annotations and their run-time API, so that an
 * incompatible change fails this file's compilation (after Javalin's TestPublicApi_Java).
 */
class InjectPublicApiTest {
    @AllFrameApplication(container = "ApiCheckContainer")
    static final class App {
    }

    @Factory
    static final class Clients {
        @Provides
        @SagaHandler("saga")
        Runnable saga(@Env(value = "QUEUE", defaultValue = "q") String queue, @Env("OPT") Optional<String> opt) {
            return () -> { };
        }
    }

    @ProjectionHandler("summary")
    static final class Summary {
        @Init
        void start() {
        }

        @HandleCommand
        List<String> handle(Integer command) {
            return List.of();
        }

        @HandleQuery
        String ask(Long query) {
            return "";
        }
    }

    static final class Api {
        @Get("/a/{id}")
        String get(@PathParam("id") String id, @QueryParam(value = "q", defaultValue = "1") int q,
                   @Header(value = "h", defaultValue = "x") String h) {
            return id;
        }

        @Post("/a")
        @ResponseStatus(201)
        String post(@Body String body, Request request) {
            return body;
        }

        @Put("/a")
        void put() {
        }

        @Delete("/a")
        Response delete() {
            return Response.noContent();
        }

        @Patch("/a")
        Optional<String> patch() {
            return Optional.empty();
        }
    }

    @Test
    void thePublicApiCompilesAndBehaves() {
        Environment env = Environment.of(Map.of("A", "1"));
        EnvReader reader = EnvReader.of(env);
        String a = reader.string("A", Env.REQUIRED);
        Optional<String> b = reader.optional("B");
        int i = reader.intValue("A", "0");
        long l = reader.longValue("A", "0");
        double d = reader.doubleValue("A", "0");
        boolean f = reader.booleanValue("B", "false");
        Duration t = reader.duration("B", "1s");
        String v = reader.value("A", Env.REQUIRED, x -> x + "!", "text", "fallback");
        reader.check();
        assertThat(List.of(a, b, i, l, d, f, t, v)).containsExactly("1", Optional.empty(), 1, 1L, 1.0, false,
                Duration.ofSeconds(1), "1!");
        assertThat(EnvReader.parseDuration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Environment.system()).isNotNull();
        assertThat(new ConfigurationException(List.of("x")).problems()).containsExactly("x");

        Lifecycle lifecycle = new Lifecycle();
        Lifecycle.Hook<Object> hook = o -> { };
        lifecycle.initialize("c", hook);
        lifecycle.register("d");
        lifecycle.ensureOpen();
        assertThat(lifecycle.isClosed()).isFalse();
        lifecycle.close();
        assertThat(Lifecycle.creationFailed("x", new Exception("e"))).hasMessage("Creating x failed: "
                + "java.lang.Exception: e");

        ContainerFactory factory = e -> null;
        assertThat(factory.create(env)).isNull();
        assertThat(Params.REQUIRED).isEqualTo(Env.REQUIRED);

        assertThat(TextValues.parseBoolean("TRUE")).isTrue();
        assertThat(TextValues.parseDuration("3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(List.of(TextValues.AN_INTEGER, TextValues.A_NUMBER, TextValues.TRUE_OR_FALSE,
                TextValues.A_DURATION, TextValues.A_UUID)).doesNotHaveDuplicates();

        EventStore<Event> store = EventStore.create(InMemoryEventStoreBackend.create(),
                EventTypes.builder(Event.class).build());
        CommandRegistrations<Event> none = builder -> { };
        CommandBus.Builder<Event> bus = CommandBus.builder(store);
        none.registerAll(bus);
        assertThat(bus.build()).isNotNull();
    }

    /** An aggregate snapshotted every 10 events. */
    @HandleCommand(snapshotEvery = 10)
    static final class Snapshotted implements Decider<Command, String, Event> {
        @Override
        public String initialState() {
            return "";
        }

        @Override
        public List<Event> decide(Command command, String state) {
            return List.of();
        }

        @Override
        public String evolve(String state, Event event) {
            return state;
        }
    }
}

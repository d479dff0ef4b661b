package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.FieldError;
import dev.allframe.cqrs.ValidationException;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventTypes;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.inject.Container;
import dev.allframe.inject.Environment;
import dev.allframe.processor.fixtures.cqrs.OrderCancelled;
import dev.allframe.processor.fixtures.cqrs.OrderEvent;
import dev.allframe.processor.fixtures.cqrs.OrderPlaced;
import io.avaje.validation.generator.ValidationProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Constraints declared on a command type ({@code @Valid} and Avaje Validator's annotations) are registered with the
 * command bus by the generated container, so every door that dispatches through the bus checks them.
 */
class ConstraintRegistrationTest {
    static final String SHOP = """
            package shop;

            import dev.allframe.cqrs.CommandBus;
            import dev.allframe.cqrs.CommandRegistrations;
            import dev.allframe.cqrs.Decider;
            import dev.allframe.eventstore.EventStore;
            import dev.allframe.handler.annotation.HandleCommand;
            import dev.allframe.processor.fixtures.cqrs.OrderEvent;
            import dev.allframe.processor.fixtures.cqrs.OrderPlaced;
            import jakarta.inject.Inject;
            import jakarta.inject.Singleton;
            import java.util.List;
            
            @dev.allframe.inject.AllFrameApplication
            public class ShopApp { }

            @HandleCommand
            class Orders implements Decider<ShopCommand, Integer, OrderEvent> {
                @Override public Integer initialState() { return 0; }
                @Override public List<OrderEvent> decide(ShopCommand command, Integer state) {
                    return command instanceof ShopCommand.Place p
                            ? List.of(new OrderPlaced(p.id(), p.item() + " x" + p.qty())) : List.of();
                }
                @Override public Integer evolve(Integer state, OrderEvent event) { return state + 1; }
            }

            @Singleton
            class Buses {
                final CommandRegistrations<OrderEvent> commands;
                @Inject Buses(CommandRegistrations<OrderEvent> commands) { this.commands = commands; }

                CommandBus<OrderEvent> bus(EventStore<OrderEvent> store) {
                    CommandBus.Builder<OrderEvent> builder = CommandBus.builder(store);
                    commands.registerAll(builder);
                    return builder.build();
                }
            }
            """;

    /** The commands, in a file of their own: Avaje Validator generates validators for public types only. */
    static final String COMMANDS = """
            package shop;

            import dev.allframe.cqrs.Command;
            import io.avaje.validation.constraints.Max;
            import io.avaje.validation.constraints.Min;
            import io.avaje.validation.constraints.NotBlank;
            import io.avaje.validation.constraints.NotNull;
            import io.avaje.validation.constraints.Valid;

            public sealed interface ShopCommand extends Command permits ShopCommand.Place, ShopCommand.Touch {
                String id();
                default String streamId() { return id(); }

                @Valid
                record Place(@NotBlank String id, @NotBlank String item, @NotNull @Min(1) @Max(10) Integer qty)
                        implements ShopCommand { }

                record Touch(String id) implements ShopCommand { }
            }
            """;

    private static Compilation compile(String commands) {
        return Compiler.javac().withProcessors(new AllFrameProcessor())
                .withOptions("-Xlint:all,-processing,-auxiliaryclass")
                .compile(Fixtures.source(SHOP), Fixtures.source(commands));
    }

    /**
     * Compiles with javac on real files, Avaje Validator's processor beside ours, as a user's build does (Avaje's
     * processor needs a real file system, which compile-testing's in-memory one is not).
     */
    private static URLClassLoader buildWithValidators(Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/shop"));
        Path out = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(src.resolve("ShopApp.java"), SHOP);
        Files.writeString(src.resolve("ShopCommand.java"), COMMANDS);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, null,
                    List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
                            "-Xlint:-processing,-auxiliaryclass"),
                    null, files.getJavaFileObjects(src.resolve("ShopApp.java"), src.resolve("ShopCommand.java")));
            task.setProcessors(List.of(new AllFrameProcessor(), new ValidationProcessor()));
            assertThat(task.call()).as("javac: %s", diagnostics).isTrue();
        }
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, ConstraintRegistrationTest.class.getClassLoader());
    }

    @Test
    void theContainerRegistersTheConstraintsOfEveryValidCommandTypeAndNoOther() {
        Compilation c = compile(COMMANDS);
        assertThat(c).succeeded();
        String container = Fixtures.generatedSource(c, "shop.ShopAppContainer");
        // The checks are generated as plain code; no validation library bootstraps on a cold start.
        assertThat(container)
                .contains("builder.validator(ShopCommand.Place.class, new Validator<ShopCommand.Place>() {")
                .contains("if (command.item() == null || command.item().isBlank())")
                .contains("if (command.qty() != null && command.qty() > 10L)")
                .doesNotContain("Validators.constraints()")
                .doesNotContain("ShopCommand.Touch.class");
    }

    @Test
    void aCommandBreakingItsConstraintsIsRejectedByTheBusAndNothingIsAppended(@TempDir Path dir) throws Exception {
        EventStore<OrderEvent> store = EventStore.create(InMemoryEventStoreBackend.create(),
                EventTypes.builder(OrderEvent.class).register(OrderPlaced.class).register(OrderCancelled.class)
                        .build());
        try (URLClassLoader loader = buildWithValidators(dir);
             Container container = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                     Environment.of(Map.of()))) {
            @SuppressWarnings("unchecked")
            CommandBus<OrderEvent> bus = (CommandBus<OrderEvent>) Fixtures.call(Fixtures.call(container, "buses"),
                    "bus", store);
            Class<?> place = loader.loadClass("shop.ShopCommand$Place");
            var constructor = place.getDeclaredConstructors()[0];
            constructor.setAccessible(true); // the fixture's command interface is package-private
            Object invalid = constructor.newInstance("o-1", "", 11);
            assertThatThrownBy(() -> bus.dispatch((dev.allframe.cqrs.Command) invalid))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("item", "must not be blank"),
                            new FieldError("qty", "must be less than or equal to 10")));
            assertThat(store.version("o-1")).isZero();

            Object valid = constructor.newInstance("o-1", "tea", 2);
            assertThat(bus.dispatch((dev.allframe.cqrs.Command) valid).version()).isEqualTo(1);
            assertThat(store.read("o-1")).extracting(e -> e.event()).containsExactly(new OrderPlaced("o-1", "tea x2"));
        }
    }

    @Test
    void constraintsAreOptional() {
        Compilation c = compile(COMMANDS.replace("@Valid\n", ""));
        assertThat(c).succeeded();
        assertThat(Fixtures.generatedSource(c, "shop.ShopAppContainer")).doesNotContain("builder.validator(");
    }

}

package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.allframe.lambda.events.EventRoutes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaFileObject;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** @FromEventBridge, @FromQueue and @FromTopic on commands become a generated EventRoutes table. */
class EventRoutesProcessorTest {
    @TempDir
    Path dir;

    static final String PLACE = """
            package shop.orders;

            import dev.allframe.cqrs.Command;
            import dev.allframe.events.annotation.FromEventBridge;
            import dev.allframe.events.annotation.FromQueue;
            import dev.allframe.events.annotation.FromTopic;

            @FromEventBridge(detailType = "OrderPlaced", source = "com.example.shop")
            @FromQueue(queue = "orders-queue")
            @FromTopic(topic = "order-events", name = "place")
            public record PlaceOrder(String orderId) implements Command {
                public String streamId() { return "order-" + orderId; }
            }
            """;

    static final String CANCEL = """
            package shop.billing;

            import dev.allframe.cqrs.Command;
            import dev.allframe.events.annotation.FromEventBridge;
            import dev.allframe.events.annotation.FromQueue;

            public final class Billing {
                private Billing() {}

                @FromEventBridge(detailType = "PaymentFailed")
                @FromQueue(queue = "orders-queue", name = "cancel")
                public record CancelOrder(String orderId) implements Command {
                    public String streamId() { return "order-" + orderId; }
                }
            }
            """;

    static Compilation compile(String... sources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (String s : sources) {
            files.add(Fixtures.source(s));
        }
        return Compiler.javac().withProcessors(new EventRoutesProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror").compile(files);
    }

    @Test
    void annotatedCommandsBecomeARoutingTableInTheirCommonPackage() throws Exception {
        Compilation c = compile(PLACE, CANCEL);
        assertThat(c).succeededWithoutWarnings();
        String source = Fixtures.generatedSource(c, "shop.AllFrameEventRoutes");
        assertThat(source).contains("@Generated(\"dev.allframe.processor.EventRoutesProcessor\")")
                .contains(".sqs(\"orders-queue\", \"cancel\", Billing.CancelOrder.class)");
        try (URLClassLoader loader = Fixtures.load(c, dir)) {
            EventRoutes routes = (EventRoutes) Fixtures.callStatic(loader, "shop.AllFrameEventRoutes", "routes");
            assertThat(routes.eventBridge("com.example.shop", "OrderPlaced").getName()).isEqualTo("shop.orders.PlaceOrder");
            assertThat(routes.eventBridge("com.example.crm", "OrderPlaced")).isNull();
            assertThat(routes.eventBridge("anyone", "PaymentFailed").getName())
                    .isEqualTo("shop.billing.Billing$CancelOrder");
            assertThat(routes.queue("orders-queue")).containsOnlyKeys("PlaceOrder", "cancel");
            assertThat(routes.topic("order-events")).containsOnlyKeys("place");
            EventRoutes.Builder more = (EventRoutes.Builder) Fixtures.callStatic(loader, "shop.AllFrameEventRoutes",
                    "builder");
            assertThat(more.build().queue("orders-queue")).hasSize(2);
        }
    }

    @Test
    void aRouteOnATypeThatIsNoCommandIsAnErrorOnThatType() {
        Compilation c = compile("""
                package shop;

                @dev.allframe.events.annotation.FromQueue(queue = "q")
                public record NotACommand(String id) {
                }
                """);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[AllFrame/EventRouteNotCommand] Make NotACommand a concrete class or"
                + " record implementing dev.allframe.cqrs.Command").inFile(Fixtures.source("""
                package shop;
                public record NotACommand(String id) {}
                """)).onLine(4);
    }

    @Test
    void aRouteDeclaredTwiceIsAnErrorNamingBothCommands() {
        Compilation c = compile(PLACE, """
                package shop.orders;

                @dev.allframe.events.annotation.FromQueue(queue = "orders-queue", name = "PlaceOrder")
                public record PlaceOrderV2(String orderId) implements dev.allframe.cqrs.Command {
                    public String streamId() { return orderId; }
                }
                """);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[AllFrame/DuplicateEventRoute] Route SQS queue 'orders-queue' command"
                + " 'PlaceOrder' only once: it goes to shop.orders.PlaceOrder already, so shop.orders.PlaceOrderV2"
                + " cannot have it too");
    }

    @Test
    void aBlankQueueIsAnError() {
        Compilation c = compile("""
                package shop;

                @dev.allframe.events.annotation.FromQueue(queue = " ")
                public record Blank(String id) implements dev.allframe.cqrs.Command {
                    public String streamId() { return id; }
                }
                """);
        assertThat(c).hadErrorContaining("[AllFrame/BlankEventRoute] Name the SQS queue of Blank");
    }
}

package dev.allframe.lambda.local;

import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.events.EventRoutes;
import dev.allframe.lambda.events.EventSources;
import dev.allframe.lambda.events.S3Notification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class LocalEventsRoutesTest {
    private final List<S3Notification> seen = new CopyOnWriteArrayList<>();
    private final AllFrameHandler function = AllFrameHandler.of(() -> Router.builder().build(),
            () -> EventSources.builder().routes(EventRoutes.builder().build()).s3(n -> {
                if (n.key().startsWith("fail")) {
                    throw new IllegalStateException("refused " + n.key());
                }
                seen.add(n);
            }).build());
    private final Router local = LocalEventsRoutes.register(
            Router.builder().get("/hello", r -> Response.text("hi")), function).build();

    private static String fixture(String name) {
        try (InputStream in = LocalEventsRoutesTest.class.getResourceAsStream("/events/sources/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response post(String body) throws Exception {
        return local.handle(Request.builder(HttpMethod.POST, LocalEventsRoutes.PATH)
                .header("content-type", "application/json")
                .body(body.getBytes(StandardCharsets.UTF_8)).build());
    }

    @Test
    void aPostedEventRunsThroughTheFunctionsHandlerAndAnswersItsResult() throws Exception {
        Response r = post(fixture("s3-object-created.json"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"processed\":1}");
        assertThat(seen).singleElement().extracting(S3Notification::key).isEqualTo("2026/Q4/invoice nº 42+1.pdf");
        assertThat(local.handle(Request.get("/hello")).status()).isEqualTo(200);
    }

    @Test
    void aFailingInvocationIsA500ProblemWithTheErrorTypeAndAMalformedEventA400() throws Exception {
        Response failed = post(fixture("s3-object-removed.json").replace("old/report.csv", "fail.csv"));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(new String(failed.body(), StandardCharsets.UTF_8))
                .contains("\"errorType\":\"dev.allframe.lambda.events.EventDispatchException\"")
                .contains("refused fail.csv");
        Response malformed = post("{\"Records\": [");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(new String(malformed.body(), StandardCharsets.UTF_8)).contains("not valid JSON")
                .contains("MalformedEventException");
        Response unsupported = post(fixture("sqs-mixed-batch.json"));
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(new String(unsupported.body(), StandardCharsets.UTF_8)).contains("no command bus");
    }
}

package dev.allframe.cli;

import dev.allframe.json.JsonCodecException;
import dev.allframe.json.JsonCodecs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code allframe events send ...}: delivers SQS, SNS, EventBridge, S3 and DynamoDB Streams events to a running
 * {@code allframe dev} server's local event endpoints ({@code /_allframe/events}), which run them through the
 * application's real Lambda event doors, and prints the answer. Exit 0 when every message succeeded; 1 when a
 * delivery failed (an SQS message in {@code batchItemFailures}, a failed EventBridge, SNS or S3 event); 2 on bad
 * input, when no server answers, or when the server has no event endpoints (not in development mode).
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Deliver Lambda events (SQS, SNS, EventBridge, S3, DynamoDB Streams) to a running 'allframe dev'.",
        subcommands = {EventsCommand.Send.class, CommandLine.HelpCommand.class})
final class EventsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the dev server is, for every {@code send} command. */
    static final class Server {
        @Option(names = "--url", paramLabel = "URL",
                description = "The dev server (default: $ALLFRAME_URL, else http://localhost:$PORT, else port 8080).")
        String url;

        String base() {
            return base(url);
        }

        /**
         * @param given a URL given on the command line, or {@code null}
         * @return it, else {@code $ALLFRAME_URL}, else {@code http://localhost:$PORT} (8080), without a trailing slash
         */
        static String base(String given) {
            String u = given;
            if (u == null || u.isBlank()) {
                u = System.getenv("ALLFRAME_URL");
            }
            if (u == null || u.isBlank()) {
                String port = System.getenv("PORT");
                u = "http://localhost:" + (port == null || port.isBlank() ? "8080" : port.trim());
            }
            u = u.strip();
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            if (!u.startsWith("http://") && !u.startsWith("https://")) {
                throw new CliException("--url (expected http://HOST:PORT): '" + u + "'");
            }
            return u;
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Send an event to the dev server and print its answer.",
                    "With --event: a Lambda event JSON file exactly as AWS sends it (any kind); otherwise use a"
                            + " subcommand, which builds the AWS envelope for you."},
            subcommands = {Sqs.class, Sns.class, EventBridge.class, S3.class, DynamoDb.class,
                    CommandLine.HelpCommand.class},
            footer = {"", "Exit codes: 0 delivered, 1 a message or event failed, 2 bad input or no dev server.",
                    "Examples:",
                    "  allframe events send sqs --queue order-commands --body '{\"type\":\"CreateOrder\","
                            + "\"orderId\":\"o-1\",\"customerId\":\"c-1\"}'",
                    "  allframe events send eventbridge --source com.example.shop --detail-type CheckoutCompleted"
                            + " --detail @checkout.json",
                    "  allframe events send s3 --bucket drops --key incoming/c-1/o-2.json",
                    "  allframe events send --event sqs-event.json"})
    static final class Send implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Server server;

        @Option(names = "--event", paramLabel = "FILE",
                description = "A Lambda event JSON file as AWS sends it (SQS, SNS, EventBridge, S3, DynamoDB"
                        + " Streams); '-' reads standard input.")
        String event;

        @Override
        public Integer call() throws Exception {
            if (event == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --event FILE, or a subcommand: sqs, sns, eventbridge, s3, dynamodb");
            }
            byte[] body = event.equals("-") ? System.in.readAllBytes() : file(event, "--event");
            return post(spec, server, "", body);
        }
    }

    @Command(name = "sqs", mixinStandardHelpOptions = true,
            description = "Send one SQS batch to a queue's consumer; failed messages come back in batchItemFailures.")
    static final class Sqs implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Server server;

        @Option(names = "--queue", required = true, paramLabel = "NAME", description = "The queue's name.")
        String queue;

        @Option(names = "--body", required = true, paramLabel = "JSON|@FILE",
                description = "A message body (repeat for a batch of several messages); @FILE reads a file.")
        List<String> bodies;

        @Option(names = "--message-id", paramLabel = "ID",
                description = "The messages' ids, one per --body, in order (default: new ones). Redelivering the"
                        + " same ids is deduplicated, as on Lambda.")
        List<String> ids = new ArrayList<>();

        @Option(names = "--command-type", paramLabel = "NAME",
                description = "The command-type message attribute that names the command.")
        String commandType;

        @Option(names = "--attribute", paramLabel = "NAME=VALUE", description = "A message attribute (repeatable).")
        List<String> attributes = new ArrayList<>();

        @Option(names = "--group", paramLabel = "ID", description = "The MessageGroupId (FIFO queues).")
        String group;

        @Override
        public Integer call() throws Exception {
            if (!ids.isEmpty() && ids.size() != bodies.size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--message-id is given " + ids.size()
                        + " time(s) for " + bodies.size() + " --body; give one per body, or none");
            }
            StringBuilder array = new StringBuilder("[");
            for (int i = 0; i < bodies.size(); i++) {
                String body = value(bodies.get(i), "--body");
                array.append(i == 0 ? "" : ",").append(isJson(body) ? body.strip() : quote(body));
            }
            Query q = new Query().all("messageId", ids).one("commandType", commandType)
                    .all("attribute", attributes).one("group", group);
            return post(spec, server, "/sqs/" + segment(queue) + q,
                    array.append(']').toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Command(name = "sns", mixinStandardHelpOptions = true,
            description = "Send an SNS notification from a topic to its subscribed function.")
    static final class Sns implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Server server;

        @Option(names = "--topic", required = true, paramLabel = "NAME", description = "The topic's name.")
        String topic;

        @Option(names = "--message", required = true, paramLabel = "JSON|@FILE",
                description = "The message; @FILE reads a file.")
        String message;

        @Option(names = "--message-id", paramLabel = "ID", description = "The MessageId (default: a new one).")
        String id;

        @Option(names = "--subject", paramLabel = "TEXT", description = "The Subject.")
        String subject;

        @Option(names = "--command-type", paramLabel = "NAME",
                description = "The command-type message attribute that names the command.")
        String commandType;

        @Option(names = "--attribute", paramLabel = "NAME=VALUE", description = "A message attribute (repeatable).")
        List<String> attributes = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Query q = new Query().one("messageId", id).one("subject", subject).one("commandType", commandType)
                    .all("attribute", attributes);
            return post(spec, server, "/sns/" + segment(topic) + q,
                    value(message, "--message").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Command(name = "eventbridge", mixinStandardHelpOptions = true,
            description = "Send an EventBridge event; its detail-type (and source) select the command.")
    static final class EventBridge implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Server server;

        @Option(names = "--source", required = true, paramLabel = "SOURCE", description = "The event's source.")
        String source;

        @Option(names = "--detail-type", required = true, paramLabel = "TYPE", description = "The detail-type.")
        String detailType;

        @Option(names = "--detail", required = true, paramLabel = "JSON|@FILE",
                description = "The detail object; @FILE reads a file.")
        String detail;

        @Option(names = "--id", paramLabel = "ID",
                description = "The event id (default: a new one); the same id again is deduplicated.")
        String id;

        @Override
        public Integer call() throws Exception {
            Query q = new Query().one("source", source).one("detailType", detailType).one("id", id);
            return post(spec, server, "/eventbridge" + q, value(detail, "--detail").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Command(name = "s3", mixinStandardHelpOptions = true,
            description = "Send an S3 event notification for an object to the function's S3 handler.")
    static final class S3 implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Server server;

        @Option(names = "--bucket", required = true, paramLabel = "NAME", description = "The bucket.")
        String bucket;

        @Option(names = "--key", required = true, paramLabel = "KEY", description = "The object key, unencoded.")
        String key;

        @Option(names = "--event-name", paramLabel = "NAME", defaultValue = "ObjectCreated:Put",
                description = "The S3 event name (default: ${DEFAULT-VALUE}).")
        String eventName;

        @Option(names = "--file", paramLabel = "FILE",
                description = "The object's content, for its size and eTag (default: empty).")
        Path file;

        @Override
        public Integer call() throws Exception {
            byte[] content = file == null ? new byte[0] : file(file.toString(), "--file");
            StringBuilder path = new StringBuilder("/s3/").append(segment(bucket));
            for (String part : key.split("/", -1)) {
                path.append('/').append(segment(part));
            }
            return post(spec, server, path + new Query().one("event", eventName).toString(), content);
        }
    }

    @Command(name = "dynamodb", mixinStandardHelpOptions = true,
            description = {"Replay events of the local store to the projections as DynamoDB Streams INSERT records"
                    + " (the event table's stream on AWS).",
                    "For hand-made records, send a Lambda DynamoDB Streams event with 'send --event FILE'."})
    static final class DynamoDb implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Server server;

        @Option(names = "--stream", paramLabel = "ID", description = "Only this stream's events.")
        String stream;

        @Option(names = "--from", paramLabel = "POSITION", description = "From this global position (default 1).")
        Long from;

        @Option(names = "--limit", paramLabel = "N", description = "At most this many records (default 1000).")
        Integer limit;

        @Override
        public Integer call() throws Exception {
            Query q = new Query().one("stream", stream).one("from", from == null ? null : from.toString())
                    .one("limit", limit == null ? null : limit.toString());
            return post(spec, server, "/dynamodb" + q, new byte[0]);
        }
    }

    /** Posts to {@code /_allframe/events + path}, prints the answer, and maps it to an exit code. */
    static int post(CommandLine.Model.CommandSpec spec, Server server, String path, byte[] body)
            throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String base = server.base();
        URI uri;
        try {
            uri = URI.create(base + "/_allframe/events" + path);
        } catch (IllegalArgumentException e) {
            throw new CliException("--url is not a valid URL: " + base);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliException("no dev server at " + base + " (" + (e.getMessage() == null ? "connection refused"
                    : e.getMessage()) + "); start one with 'allframe dev', or pass --url");
        } catch (IOException e) {
            throw new CliException("the dev server at " + base + " did not answer: " + e);
        }
        if (r.statusCode() == 404 && !servesEvents(http, base)) {
            throw new CliException("the server at " + base + " has no local event endpoints: run the application"
                    + " with 'allframe dev' (ALLFRAME_DEV=1), and have it register LocalEventsRoutes as development"
                    + " routes");
        }
        if (r.statusCode() == 200) {
            out.println(r.body());
            out.flush();
            if (r.body().contains("\"batchItemFailures\":[{")) {
                err.println("error: some messages failed (batchItemFailures); the dev server's log says why");
                err.flush();
                return AllFrameCli.CHECK_FAILED;
            }
            return AllFrameCli.OK;
        }
        err.println("error: " + problemDetail(r.body(), r.statusCode()));
        err.flush();
        // The function failed (500, or 404 for nothing to replay): a failed delivery; a 400 is bad input.
        return r.statusCode() == 400 ? AllFrameCli.BAD_INPUT : AllFrameCli.CHECK_FAILED;
    }

    private static boolean servesEvents(HttpClient http, String base) throws InterruptedException {
        try {
            HttpResponse<String> routes = http.send(HttpRequest.newBuilder(URI.create(base + "/_allframe/routes"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return routes.statusCode() == 200 && routes.body().contains("\"/_allframe/events");
        } catch (IOException e) {
            return false;
        }
    }

    private static String problemDetail(String body, int status) {
        try {
            if (JsonCodecs.defaultCodec().read(body.getBytes(StandardCharsets.UTF_8), Object.class)
                    instanceof Map<?, ?> m && m.get("detail") instanceof String detail) {
                return detail + " (HTTP " + status + ")";
            }
        } catch (JsonCodecException notJson) {
            // fall through
        }
        return "HTTP " + status + ": " + body.strip();
    }

    /** A literal, or {@code @FILE}'s content. */
    static String value(String given, String option) {
        if (given.startsWith("@") && given.length() > 1) {
            return new String(file(given.substring(1), option), StandardCharsets.UTF_8);
        }
        return given;
    }

    static byte[] file(String name, String option) {
        try {
            return Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new CliException(option + ": no file " + name);
        } catch (IOException e) {
            throw new CliException(option + ": cannot read " + name + ": " + e.getMessage());
        }
    }

    private static boolean isJson(String s) {
        try {
            JsonCodecs.defaultCodec().read(s.getBytes(StandardCharsets.UTF_8), Object.class);
            return !s.isBlank();
        } catch (JsonCodecException e) {
            return false;
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query string in the making. */
    private static final class Query {
        private final StringBuilder sb = new StringBuilder();

        Query one(String name, String value) {
            if (value != null) {
                sb.append(sb.isEmpty() ? '?' : '&').append(name).append('=').append(segment(value));
            }
            return this;
        }

        Query all(String name, List<String> values) {
            values.forEach(v -> one(name, v));
            return this;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}

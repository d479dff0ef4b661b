package dev.allframe.cli;

import dev.allframe.json.JsonCodecs;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code allframe projections status|parked|retry|skip}: what projections parked (events they could not apply) and
 * what to do about it, either on a running service through its admin API ({@code ProjectionAdminRoutes}, bearer
 * token from {@code ALLFRAME_ADMIN_TOKEN} or {@code --token-file}) or directly in its store ({@code --store URL}:
 * the backend's dead-letter store and checkpoints). Exit 0 when all is well; 1 when a check fails (status: a
 * projection has parked events or stopped; retry: events are still parked; skip: nothing parked there); 2 on bad
 * input, an unknown projection, no service or no admin API, or a refused token.
 */
@Command(name = "projections", mixinStandardHelpOptions = true,
        description = {"See and resolve the events projections parked: on a running service (its admin API) or in"
                + " its store."},
        subcommands = {ProjectionsCommand.Status.class, ProjectionsCommand.Parked.class,
                ProjectionsCommand.Retry.class, ProjectionsCommand.Skip.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 all well, 1 parked or stopped projections / events still parked / nothing"
                + " parked at that position, 2 bad input, unknown projection, no service or no admin API.",
                "Examples:",
                "  ALLFRAME_ADMIN_TOKEN=... allframe projections status --url http://localhost:8080",
                "  allframe projections parked order-summary --store sqlite:.allframe/orders.db",
                "  allframe projections retry order-summary --url https://orders.example.com --token-file token",
                "  allframe projections skip order-summary 17 --store sqlite:.allframe/orders.db",
                "  allframe projections skip order-summary --stream order-o-9 --stream-version 2"})
final class ProjectionsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the projections are: a running service, or a store. */
    static final class Where {
        @Option(names = "--url", paramLabel = "URL",
                description = "The running service (default: $ALLFRAME_URL, else http://localhost:$PORT, else port"
                        + " 8080); it must register the admin API (ProjectionAdminRoutes).")
        String url;

        @Option(names = "--store", paramLabel = "URL",
                description = "Work on the store instead: sqlite:PATH or jdbc:postgresql://HOST:PORT/DB (the"
                        + " password from the URL's properties).")
        String store;
    }

    /** The target and output options every subcommand takes. */
    static final class Target {
        @ArgGroup(exclusive = true)
        Where where = new Where();

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "A file holding the admin API's bearer token (default: $ALLFRAME_ADMIN_TOKEN).")
        String tokenFile;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        ProjectionSource open() {
            if (where != null && where.store != null) {
                return new StoreProjections(where.store);
            }
            return new ServiceProjections(EventsCommand.Server.base(where == null ? null : where.url),
                    token());
        }

        private String token() {
            if (tokenFile != null) {
                String t = new String(EventsCommand.file(tokenFile, "--token-file"), StandardCharsets.UTF_8).strip();
                if (t.isEmpty()) {
                    throw new CliException("--token-file: " + tokenFile + " is empty");
                }
                return t;
            }
            String t = System.getenv("ALLFRAME_ADMIN_TOKEN");
            return t == null || t.isBlank() ? null : t.strip();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Print each projection's state, position and parked events.",
                    "With --store, name the projections: a store does not list them."})
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Target target;

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these projections (default: all).")
        List<String> names = new ArrayList<>();

        @Override
        public Integer call() {
            if (target.where != null && target.where.store != null && names.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "with --store, name the projections (a store does not list them), e.g. order-summary");
            }
            List<Map<String, Object>> statuses;
            try (ProjectionSource source = target.open()) {
                statuses = source.statuses(names);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (target.json) {
                out.println(json(statuses));
            } else {
                statuses.forEach(s -> out.println(describe(s)));
            }
            out.flush();
            boolean bad = statuses.stream().anyMatch(s -> number(s.get("parked")) > 0
                    || "FAILED".equals(s.get("state")));
            return bad ? AllFrameCli.CHECK_FAILED : AllFrameCli.OK;
        }
    }

    @Command(name = "parked", mixinStandardHelpOptions = true,
            description = "List a projection's parked events in global order, with the error each failed with.")
    static final class Parked implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Target target;

        @Parameters(index = "0", paramLabel = "NAME", description = "The projection.")
        String name;

        @Override
        public Integer call() {
            List<Map<String, Object>> parked;
            try (ProjectionSource source = target.open()) {
                parked = source.parked(name);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (target.json) {
                out.println(json(parked));
            } else if (parked.isEmpty()) {
                out.println(name + ": nothing parked");
            } else {
                parked.forEach(p -> out.println(describeParked(p)));
            }
            out.flush();
            return AllFrameCli.OK;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Replay a projection's parked events in global order through the service's current code:"
                    + " those that apply leave the dead-letter store, those that fail again stay parked.",
                    "Needs the running service (--url): the store alone has no projection code."})
    static final class Retry implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Target target;

        @Parameters(index = "0", paramLabel = "NAME", description = "The projection.")
        String name;

        @Override
        public Integer call() {
            Map<String, Object> done;
            try (ProjectionSource source = target.open()) {
                done = source.retry(name);
            }
            long still = number(done.get("stillParked"));
            PrintWriter out = spec.commandLine().getOut();
            out.println(target.json ? json(done)
                    : name + ": " + number(done.get("applied")) + " applied, " + still + " still parked");
            out.flush();
            return still > 0 ? AllFrameCli.CHECK_FAILED : AllFrameCli.OK;
        }
    }

    @Command(name = "skip", mixinStandardHelpOptions = true,
            description = {"Remove a parked event from the dead-letter store without applying it: by its global"
                    + " position, or by --stream and --stream-version (for an event parked without a global"
                    + " position, 0, as a DynamoDB Streams door without a global order parks them)."})
    static final class Skip implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Target target;

        @Parameters(index = "0", paramLabel = "NAME", description = "The projection.")
        String name;

        @Parameters(index = "1", arity = "0..1", paramLabel = "POSITION",
                description = "The parked event's global position (see 'parked').")
        Long position;

        @Option(names = "--stream", paramLabel = "ID",
                description = "The parked event's stream (with --stream-version).")
        String stream;

        @Option(names = "--stream-version", paramLabel = "N",
                description = "Its version in the stream (with --stream).")
        Long version;

        @Override
        public Integer call() {
            boolean byStream = stream != null || version != null;
            if (byStream == (position != null) || byStream && (stream == null || version == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give POSITION, or --stream ID and --stream-version N");
            }
            if (position != null && position < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "POSITION (expected >= 1): " + position);
            }
            if (version != null && version < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--stream-version (expected >= 1): "
                        + version);
            }
            String what = byStream ? "the event of stream '" + stream + "' version " + version
                    : "the event at global position " + position;
            boolean skipped;
            try (ProjectionSource source = target.open()) {
                skipped = byStream ? source.skip(name, stream, version) : source.skip(name, position);
            }
            if (!skipped) {
                spec.commandLine().getErr().println("error: " + name + " has no " + what.substring(4) + " parked");
                spec.commandLine().getErr().flush();
                return AllFrameCli.CHECK_FAILED;
            }
            spec.commandLine().getOut().println(name + ": skipped " + what);
            spec.commandLine().getOut().flush();
            return AllFrameCli.OK;
        }
    }

    static String describe(Map<String, Object> s) {
        StringBuilder sb = new StringBuilder().append(s.get("name")).append(": ");
        if (s.get("state") != null) {
            sb.append(s.get("state")).append(" at global position ").append(number(s.get("position")));
        } else {
            sb.append("checkpoint at global position ").append(number(s.get("position")));
        }
        if (s.get("failedAt") != null) {
            sb.append(", failed at global position ").append(number(s.get("failedAt")));
        }
        if (s.get("error") != null) {
            sb.append(": ").append(s.get("error"));
        }
        long parked = number(s.get("parked"));
        sb.append(parked == 0 ? "; nothing parked" : "; " + parked + " parked event(s), the first at global position "
                + number(s.get("firstParked")));
        return sb.toString();
    }

    static String describeParked(Map<String, Object> p) {
        return number(p.get("globalPosition")) + " " + p.get("streamId") + " v" + number(p.get("version")) + " "
                + p.get("type") + ", " + number(p.get("attempts")) + " attempt(s), parked " + p.get("parkedAt") + ": "
                + p.get("errorClass") + (p.get("errorMessage") == null || p.get("errorMessage").toString().isEmpty()
                ? "" : ": " + p.get("errorMessage"));
    }

    static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    static String json(Object value) {
        return new String(JsonCodecs.defaultCodec().write(value), StandardCharsets.UTF_8);
    }
}

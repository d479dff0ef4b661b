package dev.allframe.cli;

import dev.allframe.json.JsonStrings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code allframe invoke --event FILE --handler CLASS}: runs one Lambda event (HTTP, SQS, SNS, EventBridge, DynamoDB
 * Streams or S3, a JSON file as AWS sends it) through the function's real handler in this process, the way the
 * managed runtime does (public no-argument constructor, {@code handleRequest}), and prints the answer. With
 * {@code --classpath} the function runs isolated in its own class loader, whose parent is the platform class loader:
 * it sees the JDK and its own jars only, so its copies of AllFrame, the Lambda types and the JSON library (with the
 * adapters it generated) are the ones it uses, never the CLI's. The CLI hands it nothing but the JDK's streams and a
 * {@code Context} made for the function's own copy of that interface. Exit 0 on success; 1 on a function error
 * (printed as Lambda reports it: {@code errorType} and {@code errorMessage}); 2 on a usage error (missing file,
 * unknown class, a class that is no handler).
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Run a Lambda event through the function's real handler, in process, and print its answer.",
        footer = {"", "Exit codes: 0 success, 1 function error (errorType on stderr), 2 usage error."})
final class InvokeCommand implements Callable<Integer> {
    private static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--event", paramLabel = "FILE", required = true,
            description = "The event JSON, as AWS would send it; '-' reads standard input.")
    String event;

    @Option(names = "--handler", paramLabel = "CLASS", required = true,
            description = "The function's handler class: an AllFrameHandler subclass (or any RequestStreamHandler)"
                    + " with a public no-argument constructor.")
    String handler;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
            description = "Where the handler's classes are: directories and jars separated by the platform's"
                    + " path separator; the function runs isolated from the CLI's own libraries (default: the"
                    + " command's own class path).")
    String classpath;

    @Option(names = "--function-name", paramLabel = "NAME", defaultValue = "local",
            description = "The function name the handler's context reports (default: ${DEFAULT-VALUE}).")
    String functionName;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        byte[] input;
        try {
            input = event.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(event));
        } catch (NoSuchFileException e) {
            err.println("error: no event file at " + e.getFile());
            return AllFrameCli.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot read the event " + event + ": " + e.getMessage());
            return AllFrameCli.BAD_INPUT;
        }
        ClassLoader loader = loader();
        Class<?> type;
        Method handle;
        try {
            type = Class.forName(handler, false, loader);
            Class<?> streamHandler = Class.forName(STREAM_HANDLER, false, loader);
            if (!streamHandler.isAssignableFrom(type)) {
                err.println("error: " + handler + " is not a Lambda stream handler; expected a subclass of"
                        + " dev.allframe.lambda.AllFrameHandler (or a RequestStreamHandler)");
                return AllFrameCli.BAD_INPUT;
            }
            handle = streamHandler.getMethod("handleRequest", InputStream.class, OutputStream.class,
                    Class.forName(CONTEXT, false, loader));
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            String missing = String.valueOf(e.getMessage()).replace('/', '.');
            String where = classpath == null ? "the command's class path" : "--classpath " + classpath;
            err.println("error: " + (missing.equals(handler) ? "handler class " + handler + " not found on " + where
                    : handler + " needs class " + missing + ", which is not on " + where)
                    + (classpath == null ? "; pass --classpath with the function's classes and jars"
                    : "; it must hold the function's classes and every jar they use"));
            return AllFrameCli.BAD_INPUT;
        }
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            Object function;
            try {
                function = type.getConstructor().newInstance();
            } catch (NoSuchMethodException | IllegalAccessException e) {
                err.println("error: " + handler + " needs a public no-argument constructor, as the Lambda runtime"
                        + " does");
                return AllFrameCli.BAD_INPUT;
            } catch (InvocationTargetException e) {
                return functionError(err, "Runtime.InitError: ", e.getCause());
            } catch (InstantiationException e) {
                err.println("error: " + handler + " is abstract");
                return AllFrameCli.BAD_INPUT;
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            Object context = LocalContext.proxy(loader, UUID.randomUUID().toString(), functionName, err);
            try {
                handle.invoke(function, new ByteArrayInputStream(input), answer, context);
            } catch (InvocationTargetException e) {
                return functionError(err, "", e.getCause());
            } catch (IllegalAccessException e) {
                err.println("error: cannot call " + handler + ".handleRequest: " + e.getMessage());
                return AllFrameCli.BAD_INPUT;
            }
            out.println(answer.toString(StandardCharsets.UTF_8));
            out.flush();
            return AllFrameCli.OK;
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private static int functionError(java.io.PrintWriter err, String prefix, Throwable e) {
        StringBuilder sb = new StringBuilder("{\"errorType\":");
        quote(sb, prefix + e.getClass().getName()).append(",\"errorMessage\":");
        quote(sb, String.valueOf(e.getMessage())).append('}');
        err.println(sb);
        err.flush();
        return AllFrameCli.CHECK_FAILED;
    }

    /**
     * Without {@code --classpath}, the command's own class loader. With it, a loader of those entries alone whose
     * parent is the platform class loader: the application sees the JDK and its own jars, never the CLI's copies of
     * AllFrame, the Lambda types or the JSON library (whose adapters it generated and registered for its own copy).
     */
    private ClassLoader loader() throws MalformedURLException {
        if (classpath == null || classpath.isBlank()) {
            return InvokeCommand.class.getClassLoader();
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path p = Path.of(entry);
                if (!Files.exists(p)) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--classpath entry " + entry + " does not exist");
                }
                urls.add(p.toUri().toURL());
            }
        }
        return new URLClassLoader("allframe-invoke", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        return JsonStrings.quote(sb, s);
    }

    /**
     * The invocation context a local run reports (a fresh request id, the longest Lambda timeout), made for the
     * application's own {@code Context} interface: the only thing the CLI hands it besides the JDK's streams.
     */
    private static final class LocalContext implements InvocationHandler {
        private final ClassLoader loader;
        private final String requestId;
        private final String functionName;
        private final java.io.PrintWriter log;
        private final long deadline = System.currentTimeMillis() + 900_000;

        private LocalContext(ClassLoader loader, String requestId, String functionName, java.io.PrintWriter log) {
            this.loader = loader;
            this.requestId = requestId;
            this.functionName = functionName;
            this.log = log;
        }

        static Object proxy(ClassLoader loader, String requestId, String functionName, java.io.PrintWriter log)
                throws ClassNotFoundException {
            return Proxy.newProxyInstance(loader, new Class<?>[] {Class.forName(CONTEXT, false, loader)},
                    new LocalContext(loader, requestId, functionName, log));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "getAwsRequestId" -> requestId;
                case "getLogGroupName" -> "/aws/lambda/" + functionName;
                case "getLogStreamName" -> "local";
                case "getFunctionName" -> functionName;
                case "getFunctionVersion" -> "$LATEST";
                case "getInvokedFunctionArn" -> "arn:aws:lambda:local:000000000000:function:" + functionName;
                case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
                case "getMemoryLimitInMB" -> 512;
                case "getLogger" -> Proxy.newProxyInstance(loader, new Class<?>[] {method.getReturnType()},
                        (p, m, a) -> logger(p, m, a));
                case "toString" -> "LocalContext[" + requestId + ", " + functionName + "]";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null; // getIdentity, getClientContext: none locally
            };
        }

        private Object logger(Object proxy, Method method, Object[] args) {
            return switch (method.getName()) {
                case "log" -> {
                    Object message = args[0];
                    log.print(message instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : message);
                    log.flush();
                    yield null;
                }
                case "toString" -> "LocalLogger";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            };
        }
    }
}

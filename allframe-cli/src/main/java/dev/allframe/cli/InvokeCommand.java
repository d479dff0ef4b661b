package dev.allframe.cli;

import dev.allframe.json.JsonStrings;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
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
 * managed runtime does (public no-argument constructor, {@code handleRequest}), and prints the answer. Exit 0 on
 * success; 1 on a function error (printed as Lambda reports it: {@code errorType} and {@code errorMessage}); 2 on a
 * usage error (missing file, unknown class, a class that is no handler).
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Run a Lambda event through the function's real handler, in process, and print its answer.",
        footer = {"", "Exit codes: 0 success, 1 function error (errorType on stderr), 2 usage error."})
final class InvokeCommand implements Callable<Integer> {
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
                    + " path separator (default: the command's own class path).")
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
        Class<?> type;
        try {
            type = Class.forName(handler, false, loader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            err.println("error: handler class " + handler + " not found" + (classpath == null
                    ? "; pass --classpath with the function's classes and jars" : " on --classpath " + classpath));
            return AllFrameCli.BAD_INPUT;
        }
        if (!RequestStreamHandler.class.isAssignableFrom(type)) {
            err.println("error: " + handler + " is not a Lambda stream handler; expected a subclass of"
                    + " dev.allframe.lambda.AllFrameHandler (or a RequestStreamHandler)");
            return AllFrameCli.BAD_INPUT;
        }
        RequestStreamHandler function;
        try {
            function = (RequestStreamHandler) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            err.println("error: " + handler + " needs a public no-argument constructor, as the Lambda runtime does");
            return AllFrameCli.BAD_INPUT;
        } catch (InvocationTargetException e) {
            return functionError(err, "Runtime.InitError: ", e.getCause());
        } catch (InstantiationException e) {
            err.println("error: " + handler + " is abstract");
            return AllFrameCli.BAD_INPUT;
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(type.getClassLoader());
        try {
            function.handleRequest(new ByteArrayInputStream(input), answer,
                    new LocalContext(UUID.randomUUID().toString(), functionName, err));
        } catch (Exception | Error e) {
            return functionError(err, "", e);
        } finally {
            current.setContextClassLoader(previous);
        }
        out.println(answer.toString(StandardCharsets.UTF_8));
        out.flush();
        return AllFrameCli.OK;
    }

    private static int functionError(java.io.PrintWriter err, String prefix, Throwable e) {
        StringBuilder sb = new StringBuilder("{\"errorType\":");
        quote(sb, prefix + e.getClass().getName()).append(",\"errorMessage\":");
        quote(sb, String.valueOf(e.getMessage())).append('}');
        err.println(sb);
        err.flush();
        return AllFrameCli.CHECK_FAILED;
    }

    private ClassLoader loader() throws MalformedURLException {
        ClassLoader parent = InvokeCommand.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
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
        return new URLClassLoader("allframe-invoke", urls.toArray(URL[]::new), parent);
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        return JsonStrings.quote(sb, s);
    }

    /** The invocation context a local run reports: a fresh request id and the longest Lambda timeout. */
    private record LocalContext(String requestId, String functionName, java.io.PrintWriter log, long deadline)
            implements Context {
        LocalContext(String requestId, String functionName, java.io.PrintWriter log) {
            this(requestId, functionName, log, System.currentTimeMillis() + 900_000);
        }

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:local:000000000000:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    log.print(message);
                    log.flush();
                }

                @Override
                public void log(byte[] message) {
                    log(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}

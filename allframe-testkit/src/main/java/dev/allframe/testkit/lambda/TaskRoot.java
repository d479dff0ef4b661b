package dev.allframe.testkit.lambda;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Lambda deployment laid out as the managed runtime sees it: the runtime's own jars on the JVM class path, the
 * function's jars in {@code TASK_ROOT/lib} where the runtime interface client's class loader finds them (the task
 * root is the process's working directory, {@code /var/task} on Lambda).
 *
 * @param runtimeClassPath the class path of the JVM: the runtime interface client and its dependencies
 * @param dir the task root, holding {@code lib/*.jar}
 */
public record TaskRoot(String runtimeClassPath, Path dir) {
    /**
     * Splits a class path (a test's or a build's) into the runtime's part and the function's part and lays the
     * function's part out under {@code dir/lib}, packing class directories into jars. Test libraries (JUnit,
     * AssertJ) are left out, as a deployment would.
     *
     * @param classPath entries separated by the platform's path separator
     * @param dir an empty or new directory
     * @return the layout
     */
    public static TaskRoot create(String classPath, Path dir) {
        List<String> runtime = new ArrayList<>();
        try {
            Path lib = Files.createDirectories(dir.resolve("lib"));
            int n = 0;
            for (String entry : classPath.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path p = Path.of(entry);
                String s = p.toString().replace('\\', '/');
                if (isRuntime(s)) {
                    runtime.add(entry);
                } else if (isTestLibrary(s) || !Files.exists(p)) {
                    continue;
                } else if (Files.isDirectory(p)) {
                    // target/classes of module m becomes NN-m-classes.jar
                    Path module = p.getParent() != null && p.getParent().getParent() != null
                            ? p.getParent().getParent().getFileName() : null;
                    jar(p, lib.resolve(String.format("%02d-", n++) + (module == null ? "" : module + "-")
                            + p.getFileName() + ".jar"));
                } else {
                    Files.copy(p, lib.resolve(String.format("%02d-", n++) + p.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the task root in " + dir, e);
        }
        return new TaskRoot(String.join(File.pathSeparator, runtime), dir);
    }

    private static boolean isRuntime(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith("aws-lambda-java-runtime-interface-client")
                || name.startsWith("aws-lambda-java-serialization") || name.startsWith("aws-lambda-java-core")
                || path.contains("/software/amazon/awssdk/");
    }

    private static boolean isTestLibrary(String path) {
        return path.contains("/org/junit/") || path.contains("/org/assertj/") || path.contains("/org/opentest4j/")
                || path.contains("/org/apiguardian/") || path.contains("/net/bytebuddy/")
                || path.contains("surefire");
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                jos.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jos);
                jos.closeEntry();
            }
        }
    }
}

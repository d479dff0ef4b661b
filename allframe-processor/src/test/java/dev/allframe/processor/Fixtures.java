package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles fixture sources with the processor, and loads what it generated, as a user's build would. */
final class Fixtures {
    private static final Pattern TYPE = Pattern.compile("(?m)^package\\s+([\\w.]+);[\\s\\S]*?"
            + "(?:public\\s+|final\\s+|abstract\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");

    private Fixtures() {
    }

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");

    /** @return a source file named after its public type, or else the first type it declares */
    static JavaFileObject source(String text) {
        Matcher m = TYPE.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no package and type in fixture:\n" + text);
        }
        Matcher p = PUBLIC_TYPE.matcher(text);
        return JavaFileObjects.forSourceString(m.group(1) + "." + (p.find() ? p.group(1) : m.group(2)), text);
    }

    static Compilation compile(String... sources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (String s : sources) {
            files.add(source(s));
        }
        return compile(files);
    }

    static Compilation compile(List<JavaFileObject> files) {
        // Fixtures keep several small types in one file, hence -auxiliaryclass; -processing as in the parent pom.
        return Compiler.javac().withProcessors(new AllFrameProcessor())
                .withOptions("-Xlint:all,-processing,-auxiliaryclass", "-Werror")
                .compile(files);
    }

    /** @return the text of a generated source, by its qualified type name */
    static String generatedSource(Compilation c, String qualifiedName) {
        return read(c.generatedSourceFile(qualifiedName).orElseThrow(
                () -> new AssertionError("no generated source " + qualifiedName + " in " + c.generatedFiles())));
    }

    /** @return the text of a generated class-path resource */
    static String resource(Compilation c, String path) {
        return read(c.generatedFile(StandardLocation.CLASS_OUTPUT, path).orElseThrow(
                () -> new AssertionError("no generated resource " + path)));
    }

    private static String read(JavaFileObject f) {
        try (InputStream in = f.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes every class and resource the compilation produced to a directory and returns a loader over it whose
     * parent is the test's loader, so fixtures share AllFrame's types (and {@link Events}) with the test.
     */
    static URLClassLoader load(Compilation c, Path dir) throws IOException {
        for (JavaFileObject f : c.generatedFiles()) {
            String uri = f.toUri().getPath();
            int at = uri.indexOf("/CLASS_OUTPUT/");
            if (at < 0) {
                continue;
            }
            Path target = dir.resolve(uri.substring(at + "/CLASS_OUTPUT/".length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = f.openInputStream()) {
                Files.write(target, in.readAllBytes());
            }
        }
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, Fixtures.class.getClassLoader());
    }

    /** Calls a public method by name (test code only: the generated code itself never reflects). */
    static Object call(Object target, String method, Object... args) {
        try {
            for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                        m.setAccessible(true); // fixtures are package-private classes
                        return m.invoke(target, args);
                    }
                }
            }
            throw new AssertionError("no method " + method + " on " + target.getClass());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    static Object callStatic(ClassLoader loader, String type, String method, Object... args) {
        try {
            Class<?> c = loader.loadClass(type);
            for (Method m : c.getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    return m.invoke(null, args);
                }
            }
            throw new AssertionError("no static method " + method + " on " + type);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}

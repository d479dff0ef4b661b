package dev.allframe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the commands need to know about a Maven project on disk, read without running Maven. */
final class Projects {
    private static final Pattern FINAL_NAME = Pattern.compile("<finalName>\\s*([^<\\s]+)\\s*</finalName>");
    private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");

    private Projects() {
    }

    static Path requireProject(Path dir) {
        if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
            throw new CliException("no pom.xml in " + dir.toAbsolutePath().normalize()
                    + "; run this in a Maven project or pass --project DIR");
        }
        return dir;
    }

    /** The name of the jar the project builds, without {@code .jar}: {@code finalName}, else the artifact id. */
    static String jarName(Path project) {
        String pom = read(project.resolve("pom.xml"));
        Matcher m = FINAL_NAME.matcher(pom);
        if (m.find()) {
            return m.group(1);
        }
        Matcher a = ARTIFACT_ID.matcher(PARENT.matcher(pom).replaceFirst(""));
        if (a.find()) {
            return a.group(1);
        }
        throw new CliException("cannot tell the jar name from " + project.resolve("pom.xml") + "; pass --jar NAME");
    }

    /** The main class named by a built jar's manifest in {@code target/}, or {@code null}. */
    static String mainClass(Path project) {
        Path target = project.resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> jars = Files.list(target)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    var manifest = j.getManifest();
                    String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
                    if (main != null) {
                        return main;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** {@code target/classes} then the jars in {@code target/lib}, as the example and generated projects lay out. */
    static List<Path> classpath(Path project) {
        Path classes = project.resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new CliException("no compiled classes in " + classes.toAbsolutePath().normalize()
                    + "; build first: mvn -q -DskipTests package");
        }
        List<Path> cp = new ArrayList<>(List.of(classes));
        Path lib = project.resolve("target/lib");
        if (!Files.isDirectory(lib)) {
            throw new CliException("no dependencies in " + lib.toAbsolutePath().normalize()
                    + "; copy them at package time (maven-dependency-plugin copy-dependencies to target/lib, as"
                    + " projects from 'allframe new' do) and run: mvn -q -DskipTests package");
        }
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(cp::add);
        } catch (IOException e) {
            throw new CliException("cannot list " + lib + ": " + e.getMessage());
        }
        return cp;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }
}

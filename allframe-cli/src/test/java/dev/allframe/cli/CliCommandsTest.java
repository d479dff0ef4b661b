package dev.allframe.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev, new and dockerfile commands in process: their output, files and one-line errors. */
class CliCommandsTest {
    @TempDir
    Path dir;
    StringWriter out;
    StringWriter err;

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = AllFrameCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private void writeModule(Path module, String pom) throws IOException {
        Files.createDirectories(module);
        Files.writeString(module.resolve("pom.xml"), pom);
    }

    @Test
    void dockerfileForAModuleBuildsItInTheReactorAndRunsTheJarAsNonRootOnPort8080() throws IOException {
        writeModule(dir.resolve("examples/orders"), """
                <project><parent><artifactId>allframe-parent</artifactId></parent>
                <artifactId>allframe-orders-example</artifactId><build><finalName>orders</finalName></build></project>
                """);
        assertThat(run("dockerfile", "--context", dir.toString(), "--module", "examples/orders")).isZero();
        String text = Files.readString(dir.resolve("Dockerfile"));
        assertThat(text.lines()).contains(
                "FROM maven:3.9-eclipse-temurin-21 AS build",
                "RUN --mount=type=cache,target=/cache/maven mvn -B -q -Dmaven.repo.local=/cache/maven"
                        + " -DskipTests -Djib.skip=true -pl examples/orders -am package",
                "FROM eclipse-temurin:21-jre",
                "COPY --from=build /src/examples/orders/target/orders.jar /app/app.jar",
                "COPY --from=build /src/examples/orders/target/lib/ /app/lib/",
                "USER 65532:65532",
                "EXPOSE 8080");
        assertThat(text).contains("-XX:ArchiveClassesAtExit=/app/app.jsa")
                .contains("ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=/app/app.jsa\", \"-Xshare:auto\"")
                .contains("\"-jar\", \"/app/app.jar\"]");
        // The USER line comes after everything that needs root (the training run writes /app/app.jsa).
        assertThat(text.indexOf("USER 65532")).isGreaterThan(text.indexOf("ArchiveClassesAtExit"));
        assertThat(out.toString()).contains("wrote " + dir.resolve("Dockerfile"));

        assertThat(run("dockerfile", "--context", dir.toString(), "--module", "examples/orders")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: " + dir.resolve("Dockerfile")
                + " exists; pass --force to overwrite it" + System.lineSeparator());
    }

    @Test
    void dockerfileForASingleProjectUsesTheArtifactIdAndPrintsToStdoutWithDash() throws IOException {
        writeModule(dir, "<project><groupId>x</groupId><artifactId>shop</artifactId></project>");
        assertThat(run("dockerfile", "--context", dir.toString(), "--output", "-")).isZero();
        assertThat(out.toString()).contains("RUN --mount=type=cache,target=/cache/maven mvn -B -q"
                + " -Dmaven.repo.local=/cache/maven -DskipTests -Djib.skip=true package\n")
                .contains("COPY --from=build /src/target/shop.jar /app/app.jar");
        assertThat(dir.resolve("Dockerfile")).doesNotExist();
    }

    @Test
    void dockerfileRefusesAModuleOutsideTheContextOrWithoutAPom() {
        assertThat(run("dockerfile", "--context", dir.toString(), "--module", "../elsewhere")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: --module must be a path inside the build context");
        assertThat(run("dockerfile", "--context", dir.toString(), "--module", "nothing-here")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no pom.xml in ").doesNotContain("\tat ");
    }

    @Test
    void newCreatesEveryFileWithTheNameGroupAndTheCurrentVersions() throws IOException {
        assertThat(run("new", "shop-api", "--group", "org.acme", "--directory", dir.toString())).isZero();
        Path p = dir.resolve("shop-api");
        assertThat(p.resolve(".gitignore")).content().contains("target/", ".allframe/");
        assertThat(p.resolve("README.md")).content().startsWith("# shop-api");
        String pom = Files.readString(p.resolve("pom.xml"));
        assertThat(pom).contains("<groupId>org.acme</groupId>", "<artifactId>shop-api</artifactId>",
                "<allframe.version>" + NewCommand.versions().getProperty("allframe") + "</allframe.version>",
                "<mainClass>org.acme.shopapi.App</mainClass>").doesNotContain("@@");
        assertThat(NewCommand.versions().getProperty("allframe")).matches("\\d+\\.\\d+\\.\\d+.*");
        for (String f : new String[] {"App", "NoteCommand", "NoteEvent", "NoteDecider", "NoteList", "NotesModule"}) {
            assertThat(p.resolve("src/main/java/org/acme/shopapi/" + f + ".java")).content()
                    .startsWith("package org.acme.shopapi;").doesNotContain("@@");
        }
        assertThat(p.resolve("src/test/java/org/acme/shopapi/NotesModuleTest.java")).exists();
        assertThat(p.resolve("src/test/java/org/acme/shopapi/NoteDeciderTest.java")).exists();
        assertThat(p.resolve("src/test/java/org/acme/shopapi/NotesChaosTest.java")).exists();
        assertThat(out.toString()).contains("Created " + p);
    }

    @Test
    void newNamesTheLauncherThatRanItInTheReadmeAndTheHint() throws IOException {
        String launcher = dir.resolve("my checkout/allframe").toString();
        System.setProperty("allframe.launcher", launcher);
        try {
            assertThat(run("new", "shop-api", "--directory", dir.toString())).isZero();
        } finally {
            System.clearProperty("allframe.launcher");
        }
        String quoted = "'" + launcher + "'";
        assertThat(dir.resolve("shop-api/README.md")).content().contains(quoted + " dev", quoted + " dockerfile",
                "ln -s " + quoted + " ~/.local/bin/allframe").doesNotContain("@@");
        assertThat(out.toString()).contains("mvn -q package && " + quoted + " dev");

        // Not from the launcher (here: classes, not a jar): the README says what `allframe` is.
        assertThat(run("new", "other", "--directory", dir.toString())).isZero();
        assertThat(dir.resolve("other/README.md")).content().contains("allframe dev",
                "the launcher script at the root of an AllFrame checkout");
    }

    @Test
    void newRefusesABadNameABadGroupAndAnExistingDirectory() throws IOException {
        assertThat(run("new", "Shop API", "--directory", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: NAME (expected lower case letters");
        assertThat(run("new", "shop", "--group", "1bad", "--directory", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: --group (expected a Java package name");
        Files.createDirectories(dir.resolve("taken"));
        assertThat(run("new", "taken", "--directory", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("already exists");
        assertThat(run("new")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: Missing required parameter: 'NAME' (see 'allframe new --help')"
                + System.lineSeparator());
    }

    @Test
    void devExplainsWhatIsMissingInOneLineAndShowsTheStackTraceOnlyWithVerbose() throws IOException {
        assertThat(run("dev", "--project", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: no pom.xml in " + dir.toAbsolutePath()
                + "; run this in a Maven project or pass --project DIR" + System.lineSeparator());

        writeModule(dir, "<project><artifactId>x</artifactId></project>");
        assertThat(run("dev", "--project", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no main class: pass --main CLASS");

        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            assertThat(run("dev", "--project", dir.toString(), "--main", "x.App", "--port",
                    Integer.toString(taken.getLocalPort()))).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("error: port " + taken.getLocalPort() + " is in use (another "
                    + "'allframe dev'?); stop it, or pick another with --port N or PORT=N" + System.lineSeparator());
        }

        assertThat(run("dev", "--project", dir.toString(), "--main", "x.App", "--port", "0")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no compiled classes in ").contains("mvn -q -DskipTests package");

        assertThat(run("dev", "--project", dir.toString(), "--verbose")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no main class").contains("\tat dev.allframe.cli.");
    }

    @Test
    void infraErrorsAreOneLineToo_andVerboseAddsTheStackTrace() {
        String[] args = {"infra", "emit", "terraform", "--provider", "aws", "--model",
                dir.resolve("missing.json").toString(), "--output", dir.resolve("tf").toString()};
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: no infrastructure model at " + dir.resolve("missing.json")
                + "; build the application first or pass --model" + System.lineSeparator());
        String[] verbose = java.util.Arrays.copyOf(args, args.length + 1);
        verbose[args.length] = "--verbose";
        assertThat(run(verbose)).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no infrastructure model").contains("\tat dev.allframe.cli.");
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String[] cmd : new String[][] {{"--help"}, {"dev", "--help"}, {"new", "--help"}, {"dockerfile", "--help"},
                {"infra", "--help"}, {"infra", "emit", "--help"}, {"infra", "plan", "--help"},
                {"infra", "validate", "--help"}}) {
            assertThat(run(cmd)).as(String.join(" ", cmd)).isZero();
            assertThat(out.toString()).as(String.join(" ", cmd)).startsWith("Usage: allframe");
        }
    }

    @Test
    void theClassesStampChangesWhenAClassIsAddedTouchedOrDeleted() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/a"));
        Path a = Files.writeString(classes.resolve("A.class"), "x");
        long s1 = DevCommand.lastModified(dir.resolve("classes"));
        Path b = Files.writeString(classes.resolve("B.class"), "y");
        long s2 = DevCommand.lastModified(dir.resolve("classes"));
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(12345));
        long s3 = DevCommand.lastModified(dir.resolve("classes"));
        Files.delete(b);
        long s4 = DevCommand.lastModified(dir.resolve("classes"));
        assertThat(new long[] {s1, s2, s3, s4}).doesNotHaveDuplicates();
        assertThat(DevCommand.lastModified(dir.resolve("classes"))).isEqualTo(s4);
    }
}

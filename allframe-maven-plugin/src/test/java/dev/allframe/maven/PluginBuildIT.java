package dev.allframe.maven;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged plugin in real Maven builds of a small fixture project, offline: the plugin, allframe-infra,
 * allframe-core and the parent pom are laid into a private local repository; every other artifact comes from a
 * {@code file://} view of the developer's local repository without AllFrame's own. The fixture's model is a resource
 * ({@code META-INF/allframe/infra.json}), so the build needs no annotation processor. Every goal runs: infra-emit
 * (bound to {@code process-classes}), infra-plan (by prefix), infra-validate (bound to {@code verify}: passes on a
 * match, fails the build with the diff after a hand edit).
 */
class PluginBuildIT {
    private static final String VERSION = System.getProperty("allframe.version", "0.1.0-SNAPSHOT");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;
    Path project;
    Path repo;
    Path settings;

    @BeforeEach
    void fixture() throws IOException {
        repo = tmp.resolve("repo");
        install("allframe-parent", ROOT.resolve("pom.xml"), null);
        install("allframe-core", ROOT.resolve("allframe-core/pom.xml"),
                ROOT.resolve("allframe-core/target/allframe-core-" + VERSION + ".jar"));
        install("allframe-infra", ROOT.resolve("allframe-infra/pom.xml"),
                ROOT.resolve("allframe-infra/target/allframe-infra-" + VERSION + ".jar"));
        install("allframe-maven-plugin", Path.of("pom.xml").toAbsolutePath(),
                Path.of("target/allframe-maven-plugin-" + VERSION + ".jar").toAbsolutePath());
        settings = tmp.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror><id>third-party-only</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(thirdPartyMirror().toUri()));

        project = Files.createDirectories(tmp.resolve("shop"));
        Path model = project.resolve("src/main/resources/META-INF/allframe/infra.json");
        Files.createDirectories(model.getParent());
        try (InputStream in = getClass().getResourceAsStream("/infra.json")) {
            Files.write(model, in.readAllBytes());
        }
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.acme</groupId>
                  <artifactId>shop</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin>
                          <artifactId>maven-compiler-plugin</artifactId><version>%s</version>
                          <configuration><release>21</release></configuration>
                        </plugin>
                        <plugin><artifactId>maven-surefire-plugin</artifactId><version>%s</version></plugin>
                        <plugin><artifactId>maven-jar-plugin</artifactId><version>%s</version></plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                      <plugin>
                        <groupId>dev.allframe</groupId>
                        <artifactId>allframe-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration><provider>aws</provider></configuration>
                        <executions>
                          <execution><goals><goal>infra-emit</goal><goal>infra-validate</goal></goals></execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(System.getProperty("fixture.compiler"), System.getProperty("fixture.surefire"),
                System.getProperty("fixture.jar"), VERSION));
    }

    @Test
    void everyGoalRunsInARealBuild() throws Exception {
        Build emit = mvn("process-classes");
        assertThat(emit.exit()).as(emit.log()).isZero();
        assertThat(emit.log()).contains("[INFO] --- allframe-maven-plugin:" + VERSION + ":infra-emit")
                .contains("wrote 4 Terraform files to " + project.resolve("infra/aws"));
        Path main = project.resolve("infra/aws/main.tf");
        assertThat(main).content().startsWith("# Generated by AllFrame from META-INF/allframe/infra.json");

        Build plan = mvn("allframe:infra-plan");
        assertThat(plan.exit()).as(plan.log()).isZero();
        assertThat(plan.log()).contains("[INFO] No changes: the directory matches the code.");

        Build verify = mvn("verify");
        assertThat(verify.exit()).as(verify.log()).isZero();
        assertThat(verify.log()).contains("[INFO] --- allframe-maven-plugin:" + VERSION + ":infra-validate")
                .contains(project.resolve("infra/aws") + " matches the code.");

        Path outputs = project.resolve("infra/aws/outputs.tf");
        Files.writeString(outputs, Files.readString(outputs).replace("Name of the event table.", "Renamed."));
        Build planned = mvn("allframe:infra-plan", "-Dallframe.json");
        assertThat(planned.exit()).as(planned.log()).isZero();
        assertThat(planned.log()).contains("\"address\": \"output.events_table_name\"");
        // In a full build infra-emit would rewrite the file first; validate alone sees the hand edit.
        Build drift = mvn("allframe:infra-validate");
        assertThat(drift.exit()).as(drift.log()).isEqualTo(1);
        assertThat(drift.log()).contains("BUILD FAILURE").contains("drift: " + project.resolve("infra/aws"))
                .contains("  ~ output.events_table_name").contains("-   description = \"Renamed.\"");

        Build skipped = mvn("allframe:infra-validate", "-Dallframe.infra.skip");
        assertThat(skipped.exit()).as(skipped.log()).isZero();
        assertThat(skipped.log()).contains("allframe infra-validate skipped");
    }

    /** A finished Maven build and its log. */
    private record Build(int exit, String log) {
    }

    private Build mvn(String... goals) throws Exception {
        Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
        assertThat(mvn).as("Maven (maven.home) to build the fixture").exists();
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repo, "-Dstyle.color=never"));
        command.addAll(List.of(goals));
        Path log = Files.createTempFile(tmp, "mvn-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " did not finish in 5 minutes:\n"
                    + Files.readString(log));
        }
        return new Build(p.exitValue(), Files.readString(log));
    }

    private void install(String artifactId, Path pom, Path jar) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("dev/allframe/" + artifactId + "/" + VERSION));
        Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            assertThat(jar).as("the reactor built " + artifactId).exists();
            Files.copy(jar, dir.resolve(artifactId + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The developer's local repository without {@code dev/allframe}, as symbolic links (nothing is copied). */
    private Path thirdPartyMirror() throws IOException {
        Path shared = Path.of(System.getProperty("allframe.m2",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        try (Stream<Path> top = Files.list(shared)) {
            for (Path p : top.toList()) {
                if (p.getFileName().toString().equals("dev")) {
                    Path dev = Files.createDirectories(mirror.resolve("dev"));
                    try (Stream<Path> groups = Files.list(p)) {
                        for (Path g : groups.filter(g -> !g.getFileName().toString().equals("allframe")).toList()) {
                            Files.createSymbolicLink(dev.resolve(g.getFileName().toString()), g);
                        }
                    }
                } else {
                    Files.createSymbolicLink(mirror.resolve(p.getFileName().toString()), p);
                }
            }
        }
        return mirror;
    }
}

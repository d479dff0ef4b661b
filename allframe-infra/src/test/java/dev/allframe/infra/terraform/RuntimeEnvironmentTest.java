package dev.allframe.infra.terraform;

import dev.allframe.infra.model.InfraModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing emitted that nothing reads: every {@code ALLFRAME_*} variable the generated Terraform sets (AWS and GCP,
 * both formats, the example's model and the variants) is one the runtime modules read. The list of what the
 * runtime reads is taken from their sources (a string literal naming the variable), so adding a reader is what
 * allows a writer to set it.
 */
class RuntimeEnvironmentTest {
    /** The modules whose code runs in a deployed function or service. */
    private static final List<String> RUNTIME_MODULES = List.of("allframe-core", "allframe-server",
            "allframe-lambda", "allframe-jdbc", "allframe-aws");
    private static final Pattern NAME = Pattern.compile("\"(ALLFRAME_[A-Z0-9_]*[A-Z0-9])\"");

    @Test
    void the_generated_terraform_sets_only_allframe_variables_the_runtime_reads() throws IOException {
        Set<String> read = readByTheRuntime();
        assertThat(read).as("variables the runtime modules read").contains("ALLFRAME_STORE", "ALLFRAME_LOG");

        Set<String> emitted = new TreeSet<>();
        for (InfraModel model : List.of(Example.model(), AwsVariantsTerraformTest.variants())) {
            for (Terraform.Provider provider : Terraform.Provider.values()) {
                if (provider == Terraform.Provider.GCP && model.services().isEmpty()) {
                    continue; // nothing to deploy on GCP (the variants are Lambda functions only)
                }
                for (Terraform.Format format : Terraform.Format.values()) {
                    for (GeneratedFile f : Terraform.emit(model, provider, format, "test.json")) {
                        Matcher m = NAME.matcher(f.content());
                        while (m.find()) {
                            emitted.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(emitted).as("ALLFRAME_* variables in the generated Terraform, against what the runtime reads: "
                + read).isSubsetOf(read);
    }

    @Test
    void the_list_comes_from_the_sources_and_would_catch_an_unread_variable() throws IOException {
        assertThat(readByTheRuntime()).doesNotContain("ALLFRAME_FUNCTION", "ALLFRAME_SERVICE")
                .noneMatch(n -> n.startsWith("ALLFRAME_QUEUE_") || n.startsWith("ALLFRAME_BUS_"));
    }

    static Set<String> readByTheRuntime() throws IOException {
        Set<String> names = new TreeSet<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String module : RUNTIME_MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).as("the runtime module's sources").isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = NAME.matcher(Files.readString(file));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }
}

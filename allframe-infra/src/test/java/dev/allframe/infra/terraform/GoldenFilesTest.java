package dev.allframe.infra.terraform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GoldenFilesTest {

    @ParameterizedTest(name = "{0} {1} matches the golden files")
    @CsvSource({"aws,hcl", "aws,json", "gcp,hcl", "gcp,json"})
    void generated_module_matches_the_golden_files(String provider, String format) throws IOException {
        List<GeneratedFile> files = Terraform.emit(Example.model(), Terraform.Provider.of(provider),
                Terraform.Format.of(format), Example.SOURCE);
        Path golden = Example.goldenDir(provider + "-" + format);
        if (Boolean.getBoolean("allframe.updateGolden")) {
            try (Stream<Path> old = Files.exists(golden) ? Files.list(golden) : Stream.empty()) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            Terraform.write(files, golden);
        }
        try (Stream<Path> onDisk = Files.list(golden)) {
            assertThat(onDisk.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(files.stream().map(GeneratedFile::name).sorted().toList());
        }
        for (GeneratedFile f : files) {
            assertThat(f.content()).as(f.name())
                    .isEqualTo(Files.readString(golden.resolve(f.name()), StandardCharsets.UTF_8));
        }
    }

    @Test
    void emitting_twice_gives_the_same_bytes() {
        assertThat(Terraform.emit(Example.model(), Terraform.Provider.AWS, Terraform.Format.HCL, Example.SOURCE))
                .isEqualTo(Terraform.emit(Example.model(), Terraform.Provider.AWS, Terraform.Format.HCL,
                        Example.SOURCE));
    }
}

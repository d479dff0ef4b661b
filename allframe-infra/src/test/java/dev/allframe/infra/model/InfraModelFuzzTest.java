package dev.allframe.infra.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.allframe.infra.terraform.Terraform;

/**
 * Fuzz target for the infrastructure model reader: whatever {@code infra.json} holds, reading it gives a model or
 * an {@link InfraModelException} listing the problems; and every model it accepts can be written as Terraform for
 * both providers and both formats, or is refused with the documented {@link IllegalArgumentException}. Anything
 * else (a ClassCastException from a field of the wrong JSON type, a StackOverflowError from deep nesting, ...) is a
 * finding.
 *
 * <p>{@code mvn verify} runs the committed corpus ({@code InfraModelFuzzTestInputs/readsAndWrites/}, seeded with the
 * example's and the variants' real models); {@code scripts/fuzz.sh} fuzzes it for a bounded time.
 */
class InfraModelFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void readsAndWrites(byte[] json) {
        InfraModel model;
        try {
            model = InfraModel.fromJson(json);
        } catch (InfraModelException documented) {
            return;
        }
        for (Terraform.Provider provider : Terraform.Provider.values()) {
            for (Terraform.Format format : Terraform.Format.values()) {
                try {
                    Terraform.emit(model, provider, format, "fuzz");
                } catch (IllegalArgumentException documented) {
                    // a model asking for what this provider's writer cannot generate
                }
            }
        }
    }
}

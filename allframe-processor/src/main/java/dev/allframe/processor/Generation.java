package dev.allframe.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** What every generated type carries. */
final class Generation {
    private Generation() {
    }

    static AnnotationSpec generated() {
        return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                .addMember("value", "$S", AllFrameProcessor.class.getName())
                .build();
    }
}

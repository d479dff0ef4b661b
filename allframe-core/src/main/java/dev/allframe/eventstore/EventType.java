package dev.allframe.eventstore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name an event class is stored under. Without it the simple class name is used; never the fully
 * qualified name, so moving a class between packages does not orphan stored events. Rename a class freely as long
 * as this name stays.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    /** @return the stable type name */
    String value();
}

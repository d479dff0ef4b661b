package dev.allframe.infra.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that a component uses a declared resource, and how. Put it on the injection point that receives the
 * resource's client (a field or constructor parameter), or on the component type. Every deployable whose dependency
 * graph reaches the component is granted exactly the actions for these accesses on that resource (see the mapping
 * in the {@code allframe-infra} README), and nothing else.
 *
 * <pre>{@code
 * final class OrderService {
 *     @Inject OrderService(@Uses(resource = "events", access = {Access.APPEND, Access.READ}) EventStore<OrderEvent> store,
 *                          @Uses(resource = "order-commands", access = Access.PUBLISH) QueuePublisher publisher) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE, ElementType.METHOD})
@Repeatable(Uses.List.class)
public @interface Uses {
    /** @return the logical name of a declared resource */
    String resource();

    /** @return how it is used, at least one */
    Access[] access();

    /** Kinds of use; each maps to a fixed list of actions per resource kind. */
    enum Access {
        /** Event store: append events (conditional, transactional writes). */
        APPEND,
        /** Event store: read one stream; bucket: get objects. */
        READ,
        /** Event store: read all streams in global order (queries the {@code by-timestamp} index). */
        READ_ALL,
        /** Queue: send messages; bus: put events. */
        PUBLISH,
        /** Bucket: put objects. */
        WRITE
    }

    /** Container of repeated {@link Uses}. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE, ElementType.METHOD})
    @interface List {
        /** @return the uses */
        Uses[] value();
    }
}

package dev.allframe.infra.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The infrastructure an application needs: resources, deployables and who uses what. Immutable.
 *
 * @param application the application's name (default name prefix and tags)
 * @param eventStores event stores (at most one is supported)
 * @param queues queues
 * @param eventBuses buses
 * @param buckets buckets
 * @param functions Lambda functions
 * @param services Cloud Run services
 */
public record InfraModel(String application, List<EventStoreTable> eventStores, List<Queue> queues,
                         List<EventBus> eventBuses, List<Bucket> buckets, List<LambdaFunction> functions,
                         List<CloudRunService> services) {
    /** The resource path of the model inside a jar or classes directory. */
    public static final String RESOURCE = "META-INF/allframe/infra.json";
    /** The format version this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    /** Checks for nulls and copies the lists. */
    public InfraModel {
        Objects.requireNonNull(application, "application");
        eventStores = List.copyOf(eventStores);
        queues = List.copyOf(queues);
        eventBuses = List.copyOf(eventBuses);
        buckets = List.copyOf(buckets);
        functions = List.copyOf(functions);
        services = List.copyOf(services);
    }

    /**
     * Reads and validates a model.
     *
     * @param json the text of {@code infra.json}
     * @return the model
     * @throws InfraModelException if the text is not a valid model; the message lists every problem
     */
    public static InfraModel fromJson(String json) {
        InfraModel model = InfraJson.read(json);
        List<InfraProblem> problems = InfraValidator.validate(model);
        if (!problems.isEmpty()) {
            throw new InfraModelException(problems);
        }
        return model;
    }

    /**
     * @param json UTF-8 bytes of {@code infra.json}
     * @return the model
     * @throws InfraModelException if the text is not a valid model
     */
    public static InfraModel fromJson(byte[] json) {
        return fromJson(new String(json, StandardCharsets.UTF_8));
    }

    /** @return this model as {@code infra.json} text (stable: the same model always gives the same bytes) */
    public String toJson() {
        return InfraJson.write(this);
    }

    /**
     * @param name a logical name
     * @return the event store of that name
     */
    public Optional<EventStoreTable> eventStore(String name) {
        return eventStores.stream().filter(x -> x.name().equals(name)).findFirst();
    }

    /**
     * @param name a logical name
     * @return the queue of that name
     */
    public Optional<Queue> queue(String name) {
        return queues.stream().filter(x -> x.name().equals(name)).findFirst();
    }

    /**
     * @param name a logical name
     * @return the bus of that name
     */
    public Optional<EventBus> eventBus(String name) {
        return eventBuses.stream().filter(x -> x.name().equals(name)).findFirst();
    }

    /**
     * @param name a logical name
     * @return the bucket of that name
     */
    public Optional<Bucket> bucket(String name) {
        return buckets.stream().filter(x -> x.name().equals(name)).findFirst();
    }
}

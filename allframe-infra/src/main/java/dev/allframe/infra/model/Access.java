package dev.allframe.infra.model;

import java.util.Arrays;
import java.util.Optional;

/** How a deployable uses a resource; the JSON spelling is {@link #json()}. */
public enum Access {
    /** Event store: append events. */
    APPEND("append"),
    /** Event store: read one stream; bucket: get objects. */
    READ("read"),
    /** Event store: read all streams in global order through the {@code by-timestamp} index. */
    READ_ALL("read-all"),
    /** Queue: send messages; bus: put events. */
    PUBLISH("publish"),
    /** Bucket: put objects. */
    WRITE("write");

    private final String json;

    Access(String json) {
        this.json = json;
    }

    /** @return the spelling in {@code infra.json} */
    public String json() {
        return json;
    }

    /**
     * @param json a spelling in {@code infra.json}
     * @return the access, if the spelling is known
     */
    public static Optional<Access> ofJson(String json) {
        return Arrays.stream(values()).filter(a -> a.json.equals(json)).findFirst();
    }
}

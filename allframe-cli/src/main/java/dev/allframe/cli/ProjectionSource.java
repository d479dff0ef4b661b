package dev.allframe.cli;

import java.util.List;
import java.util.Map;

/**
 * Where {@code allframe projections} reads and acts: a running service's admin API ({@link ServiceProjections}) or
 * a store ({@link StoreProjections}). Every answer has the admin API's JSON shape, as maps and lists.
 */
interface ProjectionSource extends AutoCloseable {
    /**
     * @param names the projections to describe; empty for all (a service only)
     * @return their statuses
     */
    List<Map<String, Object>> statuses(List<String> names);

    /**
     * @param projection a projection's name
     * @return its parked events in global order
     */
    List<Map<String, Object>> parked(String projection);

    /**
     * @param projection a projection's name
     * @return {@code projection}, {@code applied} and {@code stillParked}
     */
    Map<String, Object> retry(String projection);

    /**
     * @param projection a projection's name
     * @param position a global position
     * @return whether an event was parked there (it is gone now)
     */
    boolean skip(String projection, long position);

    /**
     * @param projection a projection's name
     * @param streamId the parked event's stream
     * @param version its version
     * @return whether that event was parked (it is gone now)
     */
    boolean skip(String projection, String streamId, long version);

    @Override
    void close();
}

package dev.allframe.processor;

import java.util.ArrayList;
import java.util.List;

/** What fixture components did, in order: shared with the test through the parent class loader. */
public final class Events {
    private static final List<String> EVENTS = new ArrayList<>();

    private Events() {
    }

    /** @param event what happened */
    public static synchronized void record(String event) {
        EVENTS.add(event);
    }

    /** @return the events so far, and forgets them */
    public static synchronized List<String> drain() {
        List<String> copy = List.copyOf(EVENTS);
        EVENTS.clear();
        return copy;
    }
}

package dev.allframe.cqrs;

/** An intent to change one stream (aggregate). Commands are records; sealed interfaces group an aggregate's. */
public interface Command {
    /** @return the id of the stream the command targets */
    String streamId();
}

package dev.allframe.cqrs;

/** A fact that happened; events are records, grouped per aggregate by a sealed interface. */
public interface Event {
}

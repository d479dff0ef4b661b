package dev.allframe.testkit.eventstore;

import dev.allframe.eventstore.EventTypes;
import dev.allframe.eventstore.Upcasters;
import io.avaje.jsonb.Json;

/** The events the conformance kit writes: a small bank account. */
public sealed interface SampleEvent extends dev.allframe.cqrs.Event {
    /**
     * Money in.
     *
     * @param account the account
     * @param amount the amount
     * @param currency the currency; version 1 of this event had none and meant EUR
     */
    @Json
    record Deposited(String account, long amount, String currency) implements SampleEvent {
    }

    /**
     * Money out.
     *
     * @param account the account
     * @param amount the amount
     */
    @Json
    record Withdrawn(String account, long amount) implements SampleEvent {
    }

    /**
     * Type names: {@code Deposited.v2} for the current shape, with an upcaster from version 1 ({@code Deposited},
     * no currency) and a rename of the old {@code MoneyTakenOut} to {@code Withdrawn}.
     *
     * @return the registry
     */
    static EventTypes<SampleEvent> types() {
        return EventTypes.builder(SampleEvent.class)
                .register("Deposited.v2", Deposited.class)
                .register(Withdrawn.class)
                .upcaster(Upcasters.json("Deposited", "Deposited.v2", m -> {
                    m.putIfAbsent("currency", "EUR");
                    return m;
                }))
                .upcaster(Upcasters.rename("MoneyTakenOut", "Withdrawn"))
                .build();
    }
}

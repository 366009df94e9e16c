package io.dddpersistence.repository.sample;

/** A value object stored as jsonb on the entity side, the same type on both sides. */
public record Address(String street, String city, String postcode) {
}

package io.dddpersistence.docs.repositories;

/** A value object the order and its entity share, stored as JSON. */
public record Address(String street, String city) {
}

package io.dddpersistence.docs.repositories;

/** A line of the domain order. */
public record OrderLine(String product, int quantity) {
}

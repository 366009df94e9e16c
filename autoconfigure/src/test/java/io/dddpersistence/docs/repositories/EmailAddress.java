package io.dddpersistence.docs.repositories;

/** A value object stored as its text through a converter the application declares. */
public record EmailAddress(String value) {
}

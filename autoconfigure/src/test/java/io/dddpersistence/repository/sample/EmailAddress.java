package io.dddpersistence.repository.sample;

/** A value object stored as a plain column through the application's converters. */
public record EmailAddress(String value) {
}

package io.dddpersistence.repository;

/**
 * A domain type and its entity cannot be mapped by property name: a property has a type that
 * neither matches, nor nests, nor has a converter. Register a Spring {@code Converter} bean for the
 * two types, or a {@link DomainMapper} bean for the pair.
 */
public class DomainMappingException extends IllegalStateException {

	public DomainMappingException(String message) {
		super(message);
	}

	public DomainMappingException(String message, Throwable cause) {
		super(message, cause);
	}

}

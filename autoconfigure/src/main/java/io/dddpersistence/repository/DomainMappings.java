package io.dddpersistence.repository;

import java.util.List;
import java.util.Set;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.GenericConversionService;

/**
 * Builds the default mappers by property name, using the application's converters for properties
 * whose types differ. One instance is shared by all repositories so that the plans for nested value
 * objects are built once.
 */
public final class DomainMappings {

	private final PropertyMapping mapping;

	/** @param converters the application's own converters (Spring's defaults are used after them) */
	public DomainMappings(ConversionService converters) {
		this.mapping = new PropertyMapping(converters);
	}

	/**
	 * Mappings using the given {@code Converter} and {@code GenericConverter} objects. Converters
	 * whose source and target types cannot be read from their class (lambdas) are left out: declare
	 * them as classes.
	 */
	public static DomainMappings withConverters(List<?> converters) {
		GenericConversionService conversions = new GenericConversionService();
		for (Object converter : converters) {
			try {
				if (converter instanceof GenericConverter generic) {
					conversions.addConverter(generic);
				}
				else if (converter instanceof Converter<?, ?> typed) {
					conversions.addConverter(typed);
				}
			}
			catch (IllegalArgumentException ex) {
				// a lambda: its types are erased, so it cannot be matched to properties
			}
		}
		return new DomainMappings(conversions);
	}

	/** Mappings with no converters besides Spring's defaults. */
	public static DomainMappings withoutConverters() {
		return new DomainMappings(new GenericConversionService());
	}

	/**
	 * A mapper by property name between the two types, built and checked now.
	 * @param managedByJpa entity properties an update leaves alone (identifier and version)
	 * @throws DomainMappingException when a property cannot be mapped
	 */
	public <D, E> DomainMapper<D, E> byPropertyName(Class<D> domainType, Class<E> entityType, Set<String> managedByJpa) {
		return new PropertyDomainMapper<>(this.mapping, domainType, entityType, managedByJpa);
	}

}

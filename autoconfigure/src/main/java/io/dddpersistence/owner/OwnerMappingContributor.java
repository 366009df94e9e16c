package io.dddpersistence.owner;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.dddpersistence.error.MissingOwnerException;

import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.engine.spi.FilterDefinition;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Value;
import org.hibernate.type.BasicTypeRegistry;

/**
 * Restricts every read of an entity with an {@link OwnerColumn} to the current owner's rows, unless
 * the work sees every row: one auto-enabled filter, {@code (owner_column = :owner or :unrestricted = true)},
 * applied to loads by id too, and to the collections that hold such entities. Its parameters come
 * from the {@link OwnerContext} the auto-configuration put in the settings; without one (the starter's
 * owner support off) a read of such an entity fails, rather than read every row.
 */
public final class OwnerMappingContributor implements AdditionalMappingContributor {

	@Override
	public String getContributorName() {
		return "ddd-persistence-owner";
	}

	@Override
	public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
			ResourceStreamLocator resourceStreamLocator, MetadataBuildingContext buildingContext) {
		Map<String, String> conditions = new HashMap<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			Field field = (type != null) ? OwnerTraits.fieldOf(type) : null;
			if (field == null) {
				continue;
			}
			String column = ((Column) entity.getProperty(field.getName()).getValue().getSelectables().get(0)).getName();
			String condition = "(" + column + " = :owner or :unrestricted = true)";
			entity.addFilter(OwnerTraits.FILTER, condition, true, Map.of(), Map.of());
			conditions.put(entity.getEntityName(), condition);
		}
		if (conditions.isEmpty()) {
			return;
		}
		Object configured = buildingContext.getBootstrapContext()
			.getConfigurationService()
			.getSettings()
			.get(OwnerContext.SETTING);
		OwnerContext context = (configured instanceof OwnerContext owners) ? owners
				: new OwnerContext(refuse(), refusePolicy());
		BasicTypeRegistry types = buildingContext.getBootstrapContext().getTypeConfiguration().getBasicTypeRegistry();
		metadata.addFilterDefinition(new FilterDefinition(OwnerTraits.FILTER, null, true, true,
				Map.of("owner", types.getRegisteredType(String.class), "unrestricted",
						types.getRegisteredType(Boolean.class)),
				Map.of("owner", OwnerParameter.owner(context), "unrestricted", OwnerParameter.unrestricted(context))));
		for (Collection collection : metadata.getCollectionBindings()) {
			Value element = collection.getElement();
			if (element instanceof OneToMany oneToMany && conditions.containsKey(oneToMany.getReferencedEntityName())) {
				collection.addFilter(OwnerTraits.FILTER, conditions.get(oneToMany.getReferencedEntityName()), true,
						Map.of(), Map.of());
			}
			else if (element instanceof ManyToOne manyToMany
					&& conditions.containsKey(manyToMany.getReferencedEntityName())) {
				collection.addManyToManyFilter(OwnerTraits.FILTER,
						conditions.get(manyToMany.getReferencedEntityName()), true, Map.of(), Map.of());
			}
		}
	}

	// without the auto-configuration's context: no owner, no policy, so nothing is read
	private static Supplier<OwnerResolver> refuse() {
		return () -> () -> {
			throw new MissingOwnerException();
		};
	}

	private static Supplier<OwnerPolicy> refusePolicy() {
		return () -> () -> false;
	}

}

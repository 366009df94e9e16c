package io.dddpersistence.entity;

import org.jspecify.annotations.Nullable;

import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * What other capabilities need to know of an entity's traits as Hibernate sees it: which
 * attributes hold the archive and the audit (the names of their embedded values), and whether a
 * value of the archive attribute is archived. Lifecycle hooks use it to tell an archive or a restore
 * from an update, and to leave the library's bookkeeping out of an update's changes.
 */
public final class TraitAttributes {

	private TraitAttributes() {
	}

	/** The attribute that holds the archive trait, or null when the entity cannot be archived. */
	public static @Nullable String archiveAttribute(Class<?> entityType) {
		EntityTraits traits = EntityTraits.of(entityType);
		return traits.isArchivable() ? traits.archiveAttribute() : null;
	}

	/** The attribute that holds the audit trait, or null when the entity is not audited. */
	public static @Nullable String auditAttribute(Class<?> entityType) {
		EntityTraits traits = EntityTraits.of(entityType);
		return traits.isAudited() ? traits.auditAttribute() : null;
	}

	/** Whether an entity that can be archived is archived now. */
	public static boolean isArchived(Object entity) {
		EntityTraits traits = EntityTraits.of(entity.getClass());
		return traits.isArchivable() && traits.archiveOf(entity).isArchived();
	}

	/**
	 * Where an attribute's value is in the state arrays of Hibernate's events (insert, update, delete)
	 * for this entity, as Hibernate's own mapping places it.
	 * @throws IllegalStateException when the entity maps no such attribute
	 */
	public static int stateIndex(EntityPersister persister, String attribute) {
		AttributeMapping mapping = persister.findAttributeMapping(attribute);
		if (mapping == null) {
			throw new IllegalStateException("Attribute " + attribute + " is not mapped on " + persister.getEntityName());
		}
		return mapping.getStateArrayPosition();
	}

	/** Whether a value of an archive attribute (as Hibernate holds it in a state) says archived. */
	public static boolean isArchivedValue(@Nullable Object archiveValue) {
		return archiveValue instanceof ArchiveMarker marker && marker.isArchived();
	}

}

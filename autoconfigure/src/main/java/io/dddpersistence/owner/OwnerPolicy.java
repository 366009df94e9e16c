package io.dddpersistence.owner;

/**
 * Decides, for the current work, whether it sees and may change every owner's rows (an
 * administrator) or only the current owner's. The default grants it to principals holding one of
 * {@code ddd.persistence.owner.unrestricted-authorities} ({@code ROLE_ADMIN}); a bean of the
 * application's replaces it. {@link OwnerScope#unrestricted} grants it to a piece of work.
 */
@FunctionalInterface
public interface OwnerPolicy {

	/** Whether the current work sees every owner's rows. */
	boolean seesEveryRow();

}

package io.dddpersistence.entity;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;

/**
 * Further indexes another capability (spatial) declares, for the start-up index check: how a
 * capability's configuration adds to the check without the check knowing the capability.
 */
@FunctionalInterface
public interface DeclaredIndexes {

	List<DeclaredIndex> declaredBy(EntityManagerFactory entityManagerFactory);

}

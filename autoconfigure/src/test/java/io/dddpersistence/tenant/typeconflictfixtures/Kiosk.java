package io.dddpersistence.tenant.typeconflictfixtures;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.dddpersistence.tenant.TenantColumn;

/** One of two entities whose default-level tenant columns have different types. */
@Entity
public class Kiosk {

	@Id
	@GeneratedValue
	Long id;

	@TenantColumn
	String tenantId;

}

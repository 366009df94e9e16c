package io.dddpersistence.tenant.typeconflictfixtures;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.dddpersistence.tenant.TenantColumn;

/** One of two entities whose default-level tenant columns have different types. */
@Entity
public class Till {

	@Id
	@GeneratedValue
	Long id;

	@TenantColumn
	UUID tenantId;

}

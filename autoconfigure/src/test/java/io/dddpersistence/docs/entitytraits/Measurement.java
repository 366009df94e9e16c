package io.dddpersistence.docs.entitytraits;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.UuidGenerator;

import io.dddpersistence.tenant.TenantColumn;

/** An entity scoped by two tenant levels: the tenant and, within it, the station. */
@Entity
public class Measurement {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	private BigDecimal temperature;

	// snippet-start
	@TenantColumn private String tenantId;                      // level "tenant"
	@TenantColumn(level = "station") private String stationId;  // a second level on the same entity
	// snippet-end

	protected Measurement() {
	}

	public Measurement(BigDecimal temperature) {
		this.temperature = temperature;
	}

	public BigDecimal getTemperature() {
		return this.temperature;
	}

}

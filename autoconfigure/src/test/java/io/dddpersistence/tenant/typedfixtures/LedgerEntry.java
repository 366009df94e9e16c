package io.dddpersistence.tenant.typedfixtures;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.dddpersistence.tenant.TenantColumn;

/** A tenant id that is a number: {@code business_id bigint}. */
@Entity
@Table(name = "ledger_entries")
public class LedgerEntry {

	@Id
	@GeneratedValue
	private Long id;

	@TenantColumn
	private Long businessId;

	private String label;

	protected LedgerEntry() {
	}

	public LedgerEntry(String label) {
		this.label = label;
	}

	public Long getId() {
		return this.id;
	}

	public Long getBusinessId() {
		return this.businessId;
	}

	public String getLabel() {
		return this.label;
	}

}

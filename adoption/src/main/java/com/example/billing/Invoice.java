package com.example.billing;

import java.math.BigDecimal;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTimes;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * The service's invoice, on the table it always had: its soft delete in {@code deleted_at} and
 * {@code deleted_by} (named so for every entity in application.properties), its identity key, its
 * audit times; the version column came with adopting the starter.
 */
@Entity
public class Invoice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String number;

	private String customer;

	private BigDecimal amount;

	@Version
	private long version;

	@Embedded
	private AuditTimes audit = new AuditTimes();

	@Embedded
	private ArchiveState archive = new ArchiveState();

	protected Invoice() {
	}

	public Invoice(String number, String customer, BigDecimal amount) {
		this.number = number;
		this.customer = customer;
		this.amount = amount;
	}

	public Long getId() {
		return this.id;
	}

	public String getNumber() {
		return this.number;
	}

	public String getCustomer() {
		return this.customer;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public long getVersion() {
		return this.version;
	}

	public void correct(BigDecimal amount) {
		this.amount = amount;
	}

}

package io.dddpersistence.repository.sample;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "orders")
public class OrderEntity {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private Long version;

	private String customer;

	private String email;

	private String status;

	@JdbcTypeCode(SqlTypes.JSON)
	private Address shippingAddress;

	@JdbcTypeCode(SqlTypes.JSON)
	private List<OrderLineData> lines;

	/** Not part of the domain type: updates through the repository must keep it. */
	private String internalNote;

	protected OrderEntity() {
	}

	public UUID getId() {
		return this.id;
	}

	public String getStatus() {
		return this.status;
	}

	public String getInternalNote() {
		return this.internalNote;
	}

	public void setInternalNote(String internalNote) {
		this.internalNote = internalNote;
	}

}

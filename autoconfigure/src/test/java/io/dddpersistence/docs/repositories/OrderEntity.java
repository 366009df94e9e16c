package io.dddpersistence.docs.repositories;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

// snippet-start
@Entity @Table(name = "orders")
public class OrderEntity {
	@Id @UuidGenerator(style = UuidGenerator.Style.VERSION_7) private UUID id;
	@Version private Long version;
	private String customer;
	private String email;                                             // EmailAddress via a converter
	private String status;                                            // enum by name
	@JdbcTypeCode(SqlTypes.JSON) private Address shippingAddress;     // value object as jsonb
	@JdbcTypeCode(SqlTypes.JSON) private List<OrderLineData> lines;   // collection of value objects as jsonb
	private String internalNote;                                      // not in the domain type: kept on updates
	protected OrderEntity() { }
}
// snippet-end

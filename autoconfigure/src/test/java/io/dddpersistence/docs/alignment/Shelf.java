package io.dddpersistence.docs.alignment;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.AuditTimes;
import io.dddpersistence.entity.UniqueAmongActive;

/** An application's entity whose table its own Flyway migrations create. */
@Entity
@Table(name = "shelves")
@UniqueAmongActive("code")
public class Shelf {

	@Id
	@GeneratedValue
	private Long id;

	@Column(length = 50)
	private String code;

	@Embedded
	private AuditTimes audit = new AuditTimes();

	@Embedded
	private ArchiveState archive = new ArchiveState();

	protected Shelf() {
	}

	public Shelf(String code) {
		this.code = code;
	}

}

package io.dddpersistence.entity.badfixtures.unknowncolumn;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.dddpersistence.entity.ArchiveState;
import io.dddpersistence.entity.UniqueAmongActive;

/** Declares a unique-among-active column that does not exist. */
@Entity
@UniqueAmongActive({ "code", "colour" })
public class Coupon {

	@Id
	@GeneratedValue
	Long id;

	String code;

	@Embedded
	ArchiveState archive = new ArchiveState();

}

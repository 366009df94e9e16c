package io.dddpersistence.entity.badfixtures.notarchivable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.dddpersistence.entity.UniqueAmongActive;

/** Declares unique-among-active without being archivable. */
@Entity
@UniqueAmongActive("code")
public class Voucher {

	@Id
	@GeneratedValue
	Long id;

	String code;

}

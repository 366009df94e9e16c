package io.dddpersistence.entity.fknamingfixtures;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A note by its writer: the column is {@code writer_id}, the referenced table {@code authors}. */
@Entity
@Table(name = "notes")
public class Note {

	@Id
	@GeneratedValue
	Long id;

	@ManyToOne
	Author writer;

}

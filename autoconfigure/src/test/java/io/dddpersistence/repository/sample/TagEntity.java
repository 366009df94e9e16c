package io.dddpersistence.repository.sample;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

@Entity
public class TagEntity {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	UUID id;

	@Version
	Long version;

	String text;

}

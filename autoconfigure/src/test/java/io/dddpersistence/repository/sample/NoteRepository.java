package io.dddpersistence.repository.sample;

import java.util.List;
import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface NoteRepository extends DomainRepository<Note, UUID> {

	List<Note> findByText(String text);

}

package io.dddpersistence.sample.notes;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface NoteRepository extends DomainRepository<Note, UUID> {

}

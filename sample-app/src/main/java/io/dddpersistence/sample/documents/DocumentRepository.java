package io.dddpersistence.sample.documents;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface DocumentRepository extends DomainRepository<Document, UUID> {

}

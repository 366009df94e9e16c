package io.dddpersistence.repository.sample;

import java.util.UUID;

import io.dddpersistence.repository.MappedDomainRepository;

public interface TagRepository extends MappedDomainRepository<Tag, TagEntity, UUID> {

}

package io.dddpersistence.repository.sample;

import io.dddpersistence.repository.DomainMapper;

/** A hand-written mapper (as MapStruct would generate): the names differ, and labels are stored in lower case. */
public class TagMapper implements DomainMapper<Tag, TagEntity> {

	@Override
	public TagEntity toEntity(Tag domain) {
		TagEntity entity = new TagEntity();
		entity.id = domain.id();
		entity.version = domain.version();
		entity.text = domain.label().toLowerCase(java.util.Locale.ROOT);
		return entity;
	}

	@Override
	public Tag toDomain(TagEntity entity) {
		return new Tag(entity.id, entity.version, entity.text);
	}

	@Override
	public TagEntity updateEntity(Tag domain, TagEntity entity) {
		entity.text = domain.label().toLowerCase(java.util.Locale.ROOT);
		return entity;
	}

}

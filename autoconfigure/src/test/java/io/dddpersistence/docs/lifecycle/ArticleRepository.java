package io.dddpersistence.docs.lifecycle;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface ArticleRepository extends DomainRepository<Article, UUID> {

}

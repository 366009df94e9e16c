/**
 * Repositories for aggregates: {@link io.dddpersistence.repository.DomainRepository} and
 * {@link io.dddpersistence.repository.MappedDomainRepository} add {@code add}, {@code get},
 * {@code remove}, {@code listAll} and {@code search} to Spring Data JPA repositories; search results
 * can be listed, paged, counted, streamed in batches or scrolled by keyset. Also the
 * {@link io.dddpersistence.repository.UnitOfWork} transaction boundary with its hooks, and the
 * mapping between domain objects and entities.
 */
@NullMarked
package io.dddpersistence.repository;

import org.jspecify.annotations.NullMarked;

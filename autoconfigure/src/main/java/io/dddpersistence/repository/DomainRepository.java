package io.dddpersistence.repository;

import org.springframework.data.repository.NoRepositoryBean;

/**
 * A Spring Data JPA repository for an aggregate that is its own entity, with the operations of
 * {@link DomainOperations}: {@code add} (OCC-checked), {@code get}, {@code remove},
 * {@code listAll} and {@code search}. Extend it like any Spring Data repository; the starter needs no
 * further annotation.
 *
 * <pre class="code">
 * interface ProductRepository extends DomainRepository&lt;Product, UUID&gt; {
 *     List&lt;Product&gt; findByCategory(String category);
 * }
 * </pre>
 *
 * @param <T> the aggregate and entity type
 * @param <ID> the identifier type
 */
@NoRepositoryBean
public interface DomainRepository<T, ID> extends MappedDomainRepository<T, T, ID> {

}

package io.dddpersistence.repository;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * A repository whose callers work with domain objects of type {@code D} while the database holds
 * entities of type {@code E}; the two are mapped by property name, or by a {@link DomainMapper}
 * bean declared for the pair. The Spring Data methods (derived queries, {@code @Query},
 * specifications) keep working on the entity type.
 *
 * <pre class="code">
 * interface OrderRepository extends MappedDomainRepository&lt;Order, OrderEntity, UUID&gt; {
 *     List&lt;OrderEntity&gt; findByCustomer(String customer);
 * }
 * </pre>
 *
 * @param <D> the domain type
 * @param <E> the entity type
 * @param <ID> the identifier type
 */
@NoRepositoryBean
public interface MappedDomainRepository<D, E, ID>
		extends JpaRepository<E, ID>, JpaSpecificationExecutor<E>, DomainOperations<D, E, ID> {

}

package io.dddpersistence.repository;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.dddpersistence.error.CrossTenantAccessException;
import io.dddpersistence.error.MissingTenantException;
import io.dddpersistence.repository.sample.RepositoryTestApplication;
import io.dddpersistence.repository.sample.Ticket;
import io.dddpersistence.repository.sample.TicketRepository;
import io.dddpersistence.tenant.TenantScope;
import io.dddpersistence.test.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(classes = RepositoryTestApplication.class, properties = RepositoryTestProperties.ALL)
@FreshDatabase
class TenantDomainRepositoryIntegrationTests {

	@Autowired
	TicketRepository tickets;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyTable() {
		this.jdbc.update("delete from ticket");
	}

	@Test
	void anotherTenantsAggregateIsInvisibleToEveryOperation() {
		Ticket mine = TenantScope.call("tenant-a", () -> this.tickets.add(new Ticket("printer on fire")));
		assertThat(mine.getTenantId()).isEqualTo("tenant-a");
		UUID id = mine.getId();
		TenantScope.run("tenant-b", () -> {
			assertThat(this.tickets.get(id)).isEmpty();
			assertThat(this.tickets.listAll()).isEmpty();
			assertThat(this.tickets.listAll(List.of(id))).isEmpty();
			SearchResult<Ticket> all = this.tickets.search(Specification.unrestricted(),
					QueryOptions.unpaged().withSort(Sort.by("title")).withScroll(ScrollPosition.keyset(), 10));
			assertThat(all.count()).isZero();
			assertThat(all.list()).isEmpty();
			assertThat(all.page().getTotalElements()).isZero();
			assertThat(all.window()).isEmpty();
			try (Stream<Ticket> stream = this.tickets.search(Specification.unrestricted(), QueryOptions.unpaged())
				.stream()) {
				assertThat(stream).isEmpty();
			}
			this.tickets.remove(id);
		});
		assertThat(this.jdbc.queryForObject("select count(*) from ticket", Long.class)).isEqualTo(1);
		assertThat(TenantScope.call("tenant-a", () -> this.tickets.get(id))).isPresent();
	}

	@Test
	void anotherTenantsAggregateCannotBeUpdatedThroughAdd() {
		Ticket mine = TenantScope.call("tenant-a", () -> this.tickets.add(new Ticket("printer on fire")));
		mine.retitle("not mine to change");
		assertThatExceptionOfType(CrossTenantAccessException.class)
			.isThrownBy(() -> TenantScope.run("tenant-b", () -> this.tickets.add(mine)));
		assertThat(this.jdbc.queryForObject("select title from ticket where id = ?", String.class, mine.getId()))
			.isEqualTo("printer on fire");
	}

	@Test
	void withoutATenantNothingIsReadOrWritten() {
		assertThatExceptionOfType(MissingTenantException.class).isThrownBy(() -> this.tickets.add(new Ticket("x")));
		assertThatExceptionOfType(MissingTenantException.class).isThrownBy(() -> this.tickets.listAll());
		assertThatExceptionOfType(MissingTenantException.class)
			.isThrownBy(() -> this.tickets.search(Specification.unrestricted(), QueryOptions.unpaged()).count());
		assertThat(this.jdbc.queryForObject("select count(*) from ticket", Long.class)).isZero();
	}

}

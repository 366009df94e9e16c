package io.dddpersistence.repository;

import java.util.List;
import java.util.UUID;

import io.dddpersistence.repository.sample.Note;
import io.dddpersistence.repository.sample.NoteRepository;
import io.dddpersistence.repository.sample.RepositoryTestApplication;
import io.dddpersistence.test.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = RepositoryTestApplication.class, properties = RepositoryTestProperties.ALL)
@FreshDatabase
class ArchivingDomainRepositoryIntegrationTests {

	@Autowired
	NoteRepository notes;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyTable() {
		this.jdbc.update("delete from note");
	}

	@Test
	void removeArchivesAnArchivableAggregateWhichThenDisappearsFromEveryRead() {
		UUID id = this.notes.add(new Note("buy milk")).getId();
		this.notes.add(new Note("call bob"));
		this.notes.remove(id);
		assertThat(this.jdbc.queryForObject("select archived_at is not null from note where id = ?", Boolean.class, id))
			.isTrue();
		assertThat(this.notes.get(id)).isEmpty();
		assertThat(this.notes.listAll()).extracting(Note::getText).containsExactly("call bob");
		assertThat(this.notes.listAll(List.of(id))).isEmpty();
		assertThat(this.notes.search(Specification.unrestricted(), QueryOptions.unpaged()).count()).isEqualTo(1);
		assertThat(this.notes.findByText("buy milk")).isEmpty();
	}

	@Test
	void archivedAggregatesCanBeReadRestoredAndPurged() {
		UUID archived = this.notes.add(new Note("buy milk")).getId();
		UUID active = this.notes.add(new Note("call bob")).getId();
		this.notes.archive(archived);
		assertThat(this.notes.includingArchived(() -> this.notes.listAll())).hasSize(2);
		assertThat(this.notes.onlyArchived(() -> this.notes.listAll())).extracting(Note::getId).containsExactly(archived);
		this.notes.restore(archived);
		assertThat(this.notes.get(archived)).isPresent();
		this.notes.archive(archived);
		this.notes.purge(archived);
		this.notes.purge(active);
		assertThat(this.jdbc.queryForObject("select count(*) from note", Long.class)).isZero();
	}

}

package io.dddpersistence.repository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.convert.converter.Converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PropertyMappingTests {

	record Money(long cents, String currency) {
	}

	record Line(String sku, int quantity, Money price) {
	}

	record Draft(Long id, Long version, String title, Kind kind, Money total, List<Line> lines, Set<String> tags,
			Email email) {
	}

	record Email(String value) {
	}

	enum Kind {

		BOOK, MUSIC

	}

	enum KindCode {

		BOOK, MUSIC

	}

	static class LineData {

		String sku;

		int quantity;

		MoneyData price;

	}

	static class MoneyData {

		long cents;

		String currency;

	}

	static class DraftEntity {

		private Long id;

		private Long version;

		private String title;

		private KindCode kind;

		private MoneyData total;

		private List<LineData> lines = new ArrayList<>();

		private Set<String> tags = new LinkedHashSet<>();

		private String email;

		private String notInTheDomain = "kept";

		protected DraftEntity() {
		}

	}

	static class EmailToString implements Converter<Email, String> {

		@Override
		public String convert(Email source) {
			return source.value();
		}

	}

	static class StringToEmail implements Converter<String, Email> {

		@Override
		public Email convert(String source) {
			return new Email(source);
		}

	}

	private final DomainMapper<Draft, DraftEntity> mapper = DomainMappings
		.withConverters(List.of(new EmailToString(), new StringToEmail()))
		.byPropertyName(Draft.class, DraftEntity.class, Set.of("id", "version"));

	private final Draft draft = new Draft(7L, 3L, "Dune", Kind.BOOK, new Money(1999, "EUR"),
			List.of(new Line("d-1", 2, new Money(999, "EUR"))), Set.of("scifi"), new Email("a@example.com"));

	@Test
	void aRecordMapsToAClassWithoutSettersAndBackToAnEqualRecord() {
		DraftEntity entity = this.mapper.toEntity(this.draft);
		assertThat(entity.id).isEqualTo(7L);
		assertThat(entity.title).isEqualTo("Dune");
		assertThat(this.mapper.toDomain(entity)).isEqualTo(this.draft);
	}

	@Test
	void nestedValueObjectsAndCollectionsOfThemMapPropertyByProperty() {
		DraftEntity entity = this.mapper.toEntity(this.draft);
		assertThat(entity.total.cents).isEqualTo(1999);
		assertThat(entity.lines).singleElement().satisfies((line) -> {
			assertThat(line).isInstanceOf(LineData.class);
			assertThat(line.price.currency).isEqualTo("EUR");
		});
		assertThat(entity.tags).containsExactly("scifi");
	}

	@Test
	void enumsMapByNameAndConvertersMapDifferentTypes() {
		DraftEntity entity = this.mapper.toEntity(this.draft);
		assertThat(entity.kind).isEqualTo(KindCode.BOOK);
		assertThat(entity.email).isEqualTo("a@example.com");
	}

	@Test
	void anUpdateLeavesIdentifierVersionAndEntityOnlyFieldsAlone() {
		DraftEntity stored = this.mapper.toEntity(this.draft);
		stored.version = 4L;
		stored.notInTheDomain = "kept";
		Draft renamed = new Draft(7L, 4L, "Dune Messiah", Kind.BOOK, this.draft.total(), List.of(), Set.of(),
				this.draft.email());
		this.mapper.updateEntity(renamed, stored);
		assertThat(stored.title).isEqualTo("Dune Messiah");
		assertThat(stored.version).isEqualTo(4L);
		assertThat(stored.lines).isEmpty();
		assertThat(stored.notInTheDomain).isEqualTo("kept");
	}

	@Test
	void nullsStayNull() {
		Draft sparse = new Draft(null, null, null, null, null, null, null, null);
		assertThat(this.mapper.toDomain(this.mapper.toEntity(sparse))).isEqualTo(sparse);
	}

	@Test
	void aPropertyThatCannotBeMappedFailsWhenTheMapperIsBuiltNamingTheFix() {
		assertThatExceptionOfType(DomainMappingException.class)
			.isThrownBy(() -> DomainMappings.withoutConverters()
				.byPropertyName(Draft.class, DraftEntity.class, Set.of("id", "version")))
			.withMessageContaining("Draft.email")
			.withMessageContaining("Converter<Email, String>");
	}

}

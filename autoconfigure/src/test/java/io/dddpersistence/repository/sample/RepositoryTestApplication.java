package io.dddpersistence.repository.sample;

import io.dddpersistence.repository.UnitOfWorkHook;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;

/** A plain Boot application: repositories and entities are found in this package, no annotation added. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RepositoryTestApplication {

	@Bean
	HookJournal hookJournal() {
		return new HookJournal();
	}

	@Bean
	@Order(1)
	UnitOfWorkHook firstHook(HookJournal journal) {
		return journal.hook("first");
	}

	@Bean
	@Order(2)
	UnitOfWorkHook secondHook(HookJournal journal) {
		return journal.hook("second");
	}

	@Bean
	TagMapper tagMapper() {
		return new TagMapper();
	}

	@Bean
	EmailToText emailToText() {
		return new EmailToText();
	}

	@Bean
	TextToEmail textToEmail() {
		return new TextToEmail();
	}

	static class EmailToText implements Converter<EmailAddress, String> {

		@Override
		public String convert(EmailAddress source) {
			return source.value();
		}

	}

	static class TextToEmail implements Converter<String, EmailAddress> {

		@Override
		public EmailAddress convert(String source) {
			return new EmailAddress(source);
		}

	}

}

package io.dddpersistence.docs.repositories;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/** The converters that store the order's {@link EmailAddress} as the entity's text and read it back. */
@Configuration(proxyBeanMethods = false)
class EmailAddressConverters {

	// snippet-start
	@Bean
	EmailToText emailToText() { return new EmailToText(); }

	@Bean
	TextToEmail textToEmail() { return new TextToEmail(); }

	static class EmailToText implements Converter<EmailAddress, String> {
		@Override public String convert(EmailAddress email) { return email.value(); }
	}

	static class TextToEmail implements Converter<String, EmailAddress> {
		@Override public EmailAddress convert(String text) { return new EmailAddress(text); }
	}
	// snippet-end

}

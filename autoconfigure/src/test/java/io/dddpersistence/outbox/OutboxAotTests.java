package io.dddpersistence.outbox;

import org.junit.jupiter.api.Test;

import io.dddpersistence.outbox.capture.OrderPlaced;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class OutboxAotTests {

	@Test
	void runtimeHintsCoverTheScriptsAndTheEndpointsRecords() {
		RuntimeHints hints = new RuntimeHints();
		new OutboxRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/ddd-persistence/outbox/postgresql/V1__outbox.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/ddd-persistence/outbox/h2/V1__outbox.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(OutboxEndpoint.Report.class, "dead"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(OutboxBacklog.class, "pending"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(OutboxMessage.class)).accepts(hints);
	}

	@Test
	void externalizedEventsAreRegisteredAtBuildTime() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		AutoConfigurationPackages.register(beanFactory, OrderPlaced.class.getPackageName());
		beanFactory.registerBeanDefinition("outboxWriter", new RootBeanDefinition(OutboxWriter.class));
		BeanFactoryInitializationAotContribution contribution = new OutboxAotProcessor().processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Test")), new InMemoryGeneratedFiles());
		contribution.applyTo(generation, mock(BeanFactoryInitializationCode.class));
		assertThat(RuntimeHintsPredicates.reflection().onType(OrderPlaced.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(generation.getRuntimeHints());
	}

	@Test
	void contributesNothingWhenTheOutboxIsOff() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		AutoConfigurationPackages.register(beanFactory, OrderPlaced.class.getPackageName());
		assertThat(new OutboxAotProcessor().processAheadOfTime(beanFactory)).isNull();
	}

}

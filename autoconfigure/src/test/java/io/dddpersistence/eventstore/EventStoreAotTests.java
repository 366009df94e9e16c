package io.dddpersistence.eventstore;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
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

class EventStoreAotTests {

	private final InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();

	private final DefaultGenerationContext generation = new DefaultGenerationContext(
			new ClassNameGenerator(ClassName.get("com.example", "Test")), this.files);

	@Test
	void runtimeHintsCoverTheScriptsTheIndexAndTheHealthDetails() {
		RuntimeHints hints = new RuntimeHints();
		new EventStoreRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/ddd-persistence/event-store/postgresql/V1__event_store.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/ddd-persistence/event-store/h2/V1__event_store.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource(EventTypeIndex.LOCATION)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(SubscriptionStatus.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(SubscriptionStatus.class, "eventsBehind"))
			.accepts(hints);
	}

	@Test
	void eventTypesAreIndexedAndRegisteredForBindingAtBuildTime() throws java.io.IOException {
		DefaultListableBeanFactory beanFactory = eventStoreBeans();
		BeanFactoryInitializationAotContribution contribution = new EventStoreAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		contribution.applyTo(this.generation, mock(BeanFactoryInitializationCode.class));

		String index = this.files.getGeneratedFileContent(Kind.RESOURCE, EventTypeIndex.LOCATION);
		assertThat(index).contains(TestEvents.OrderPlaced.class.getName(), TestEvents.LineAdded.class.getName(),
				TestEvents.OrderShipped.class.getName());
		assertThat(index).doesNotContain(TestEvents.OrderState.class.getName());
		RuntimeHints hints = this.generation.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.reflection().onType(TestEvents.OrderPlaced.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(TestEvents.LineAdded.class, "quantity"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(CountingProjection.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource(EventTypeIndex.LOCATION)).accepts(hints);
	}

	@Test
	void theIndexWrittenAtBuildTimeReadsBackAsTheEventClasses() {
		String text = EventTypeIndex.write(List.of(TestEvents.OrderPlaced.class.getName(),
				TestEvents.LineAdded.class.getName()));
		ClassLoader withIndex = new ClassLoader(getClass().getClassLoader()) {
			@Override
			public java.io.InputStream getResourceAsStream(String name) {
				return EventTypeIndex.LOCATION.equals(name)
						? new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
						: super.getResourceAsStream(name);
			}
		};
		assertThat(EventTypeIndex.read(withIndex)).containsExactly(TestEvents.OrderPlaced.class,
				TestEvents.LineAdded.class);
		assertThat(EventTypeIndex.read(getClass().getClassLoader())).isNull();
	}

	@Test
	void contributesNothingWhenTheEventStoreIsOff() {
		assertThat(new EventStoreAotProcessor().processAheadOfTime(new DefaultListableBeanFactory())).isNull();
	}

	private static DefaultListableBeanFactory eventStoreBeans() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		AutoConfigurationPackages.register(beanFactory, EventStoreAotTests.class.getPackageName());
		beanFactory.registerBeanDefinition("eventSerializer", new RootBeanDefinition(EventSerializer.class));
		beanFactory.registerBeanDefinition("counting", new RootBeanDefinition(CountingProjection.class));
		return beanFactory;
	}

	static class CountingProjection implements Projection {

		@Override
		public String name() {
			return "counting";
		}

		@Override
		public void handle(RecordedEvent event) {
		}

	}

}

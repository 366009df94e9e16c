package io.dddpersistence.repository;

import org.junit.jupiter.api.Test;

import io.dddpersistence.repository.sample.Tag;
import io.dddpersistence.repository.sample.TagEntity;
import io.dddpersistence.repository.sample.TagRepository;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class DomainTypesAotProcessorTests {

	@Test
	void theDomainAndEntityTypesOfMappedRepositoriesAreRegisteredForMapping() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		// as Spring Data defines a repository: a factory bean that names its object type
		RootBeanDefinition repository = new RootBeanDefinition(JpaRepositoryFactoryBean.class);
		repository.getConstructorArgumentValues().addIndexedArgumentValue(0, TagRepository.class);
		repository.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, TagRepository.class);
		beanFactory.registerBeanDefinition("tagRepository", repository);

		assertThat(DomainTypesAotProcessor.domainTypes(beanFactory)).containsExactly(Tag.class, TagEntity.class);
		BeanFactoryInitializationAotContribution contribution = new DomainTypesAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Test")), new InMemoryGeneratedFiles());
		contribution.applyTo(generation, mock(BeanFactoryInitializationCode.class));
		RuntimeHints hints = generation.getRuntimeHints();
		for (Class<?> type : new Class<?>[] { Tag.class, TagEntity.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)
				.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS,
						MemberCategory.INVOKE_DECLARED_METHODS))
				.accepts(hints);
		}
	}

	@Test
	void contributesNothingWithoutDomainRepositories() {
		assertThat(new DomainTypesAotProcessor().processAheadOfTime(new DefaultListableBeanFactory())).isNull();
	}

}

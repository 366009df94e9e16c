package io.dddpersistence.docs.lifecycle;

import java.util.UUID;

import io.dddpersistence.test.FreshDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The sample of docs/lifecycle-hooks.md, run. */
@SpringBootTest(classes = ArticlesApplication.class, properties = { "spring.jpa.hibernate.ddl-auto=create",
		"spring.flyway.enabled=false", "spring.jpa.open-in-view=false" })
@FreshDatabase
class ArticleHooksIntegrationTests {

	@Autowired
	ArticleRepository articles;

	@Autowired
	ArticleHooks hooks;

	@Test
	void theSlugFollowsTheTitleThePublishedListOnlyGetsCommitsAndPinnedArticlesStay() {
		UUID id = this.articles.add(new Article("Hooks, at last!")).getId();
		assertThat(this.articles.get(id)).hasValueSatisfying((article) -> assertThat(article.getSlug())
			.isEqualTo("hooks-at-last-"));
		assertThat(this.hooks.published).containsExactly("hooks-at-last-");

		UUID pinned = this.articles.add(new Article("Pinned: read me")).getId();
		assertThatExceptionOfType(PinnedArticleException.class).isThrownBy(() -> this.articles.remove(pinned))
			.withMessage("Unpin Pinned: read me first");
		assertThat(this.articles.get(pinned)).isPresent();
	}

}

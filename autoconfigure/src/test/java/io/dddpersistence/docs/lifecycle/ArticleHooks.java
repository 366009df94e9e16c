package io.dddpersistence.docs.lifecycle;

// snippet-start
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dddpersistence.lifecycle.EntityLifecycleHook;
import io.dddpersistence.lifecycle.PropertyChanges;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(1)
class ArticleHooks implements EntityLifecycleHook<Article> {

    final List<String> published = new CopyOnWriteArrayList<>();   // stands in for a mail, a cache, a search index

    @Override
    public void beforeCreate(Article article) {                     // in the transaction: written with the article
        article.setSlug(slug(article.getTitle()));
    }

    @Override
    public void beforeUpdate(Article article, PropertyChanges changes) {
        if (changes.contains("title")) {                             // exactly what changed, before and after
            article.setSlug(slug(article.getTitle()));
        }
    }

    @Override
    public void beforeArchive(Article article) {                     // a delete archives: this runs, not beforeDelete
        if (article.getTitle().startsWith("Pinned")) {
            throw new PinnedArticleException(article.getTitle());   // a veto: nothing written
        }
    }

    @Override
    public void afterCreate(Article article) {                       // once committed, never after a rollback
        this.published.add(article.getSlug());
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

}
// snippet-end

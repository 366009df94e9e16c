package io.dddpersistence.owner;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Owner-scoped rows ({@link OwnerColumn}).
 *
 * @param unrestrictedAuthorities Authorities whose holders see and change every owner's rows (the default OwnerPolicy); replace the policy with a bean of your own for another rule.
 */
@ConfigurationProperties("ddd.persistence.owner")
public record OwnerProperties(@DefaultValue("ROLE_ADMIN") List<String> unrestrictedAuthorities) {

}

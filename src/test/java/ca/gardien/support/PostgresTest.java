package ca.gardien.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against PostgreSQL in a fresh schema, dropped when the context closes. Needs
 * {@code GARDIEN_TEST_POSTGRES_URL}; without it the test is skipped with a message, or fails when
 * {@code GARDIEN_TEST_REQUIRE_POSTGRES=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresCondition.class)
@ContextConfiguration(initializers = PostgresSchema.class)
public @interface PostgresTest {}

package ca.gardien.requests;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The jurisdiction profiles and calendars exactly as shipped in application.yml, bound without Spring. */
final class ShippedProfiles {

    private ShippedProfiles() {}

    static RequestsProperties properties() {
        try {
            var sources = new YamlPropertySourceLoader().load("shipped", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("gardien.requests", RequestsProperties.class)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Deadlines deadlines() {
        return new Deadlines(properties());
    }
}

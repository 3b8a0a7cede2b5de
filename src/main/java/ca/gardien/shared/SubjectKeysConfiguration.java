package ca.gardien.shared;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one folder of per-subject keys ({@link SubjectKeys}) every module seals with. */
@Configuration(proxyBeanMethods = false)
class SubjectKeysConfiguration {

    @Bean
    SubjectKeys subjectKeys(@Value("${gardien.subject-keys.directory}") Path directory) {
        return new SubjectKeys(directory);
    }
}

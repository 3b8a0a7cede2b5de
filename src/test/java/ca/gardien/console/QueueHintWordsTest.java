package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The empty queue's hint names the filter and the choice as the page labels them (officer's walk: it said « dans
 * l’état » next to a filter labelled « Statut »).
 */
class QueueHintWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "_en"})
    void theEmptyQueuesHintNamesTheStatusFilterAndItsAllChoiceAsThePageShowsThem(String language) throws IOException {
        var lists = bundle("lists" + language);
        var page = bundle("rights-pages" + language);
        assertThat(lists.getProperty("lists.rq.empty"))
                .contains(page.getProperty("rq.status"))
                .contains(page.getProperty("rq.all"));
    }

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = QueueHintWordsTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

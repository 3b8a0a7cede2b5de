package ca.gardien.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body names only the fields its operation reads: an unknown field — often an optional one misspelt,
 * {@code "personsInQuebc"} — is a 400 naming it ({@link JsonPaths}), where it used to be dropped silently and the value
 * the caller meant to record was lost. Only the API's request bodies are held to this; Gardien's own JSON (events,
 * stored documents) is read by the application's mapper as before, and OpenCompliance submissions by their own reader,
 * which keeps the fields a processor does not model, as that protocol expects.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestFields implements WebMvcConfigurer {

    private final JsonMapper strict;

    StrictRequestFields(JsonMapper mapper) {
        this.strict = mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }
}

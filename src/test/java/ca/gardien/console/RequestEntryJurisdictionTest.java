package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.gardien.requests.RequestViews;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.ui.ExtendedModelMap;

/**
 * The officer's entry form starts on the organization's primary jurisdiction as its settings name it, not on a Québec
 * written in the form's code (an organization under another profile had to notice and change it on every entry).
 */
class RequestEntryJurisdictionTest {

    private final RequestViews views = mock(RequestViews.class);
    private final RequestEntryPage page = new RequestEntryPage(null, views, messages(), Clock.systemUTC(), null);

    private static StaticMessageSource messages() {
        var messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> startedWith(String primary) {
        when(views.jurisdictions()).thenReturn(List.of("CCPA", "GDPR", "QC"));
        when(views.primaryJurisdiction()).thenReturn(primary);
        var model = new ExtendedModelMap();
        assertThat(page.form(model, Locale.CANADA_FRENCH)).isEqualTo("console/request-new");
        assertThat(model.get("primaryJurisdiction")).isEqualTo(primary);
        return (Map<String, String>) model.get("entry");
    }

    @Test
    void theEmptyFormStartsOnThePrimaryJurisdictionTheSettingsName() {
        assertThat(startedWith("GDPR")).containsEntry("jurisdiction", "GDPR");
    }

    @Test
    void withNoPrimaryJurisdictionTheFormStartsOnNoneAndTheOfficerChooses() {
        assertThat(startedWith(null)).containsEntry("jurisdiction", "");
    }
}

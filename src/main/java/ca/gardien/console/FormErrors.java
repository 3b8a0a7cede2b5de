package ca.gardien.console;

import ca.gardien.shared.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A form's error as the page shows it, for templates ({@code @formErrors.text(e)}): the rule is
 * {@link FieldError#inForm}'s, in the page's language, so that an error summary and a refused step say it alike.
 */
@Component("formErrors")
class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    public String text(FieldError error) {
        return error.inForm(messages, LocaleContextHolder.getLocale()).message();
    }
}

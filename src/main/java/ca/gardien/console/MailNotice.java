package ca.gardien.console;

import ca.gardien.mail.OutboxViews;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every console page whether mail stays in the outbox (no SMTP server configured), so that the navigation shows
 * the notice that links to the outbox page.
 */
@ControllerAdvice(basePackageClasses = MailNotice.class)
class MailNotice {

    private final OutboxViews outbox;

    MailNotice(OutboxViews outbox) {
        this.outbox = outbox;
    }

    @ModelAttribute("mailHeld")
    boolean mailHeld() {
        return !outbox.deliveryConfigured();
    }
}

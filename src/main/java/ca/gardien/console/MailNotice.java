package ca.gardien.console;

import ca.gardien.mail.HeldMail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every console page whether mail stays in the outbox (no SMTP server configured), so that the navigation shows
 * the notice that links to the outbox page; and, once a server is configured, how many emails stored before it (or not
 * taken by it since) have not left, with a link to the outbox filtered to them: they never leave by themselves.
 */
@ControllerAdvice(basePackageClasses = MailNotice.class)
class MailNotice {

    private final HeldMail held;

    MailNotice(HeldMail held) {
        this.held = held;
    }

    @ModelAttribute("mailHeld")
    boolean mailHeld() {
        return !held.deliveryConfigured();
    }

    /** The held emails while a mail server is configured (0 without one: {@link #mailHeld} says it then). */
    @ModelAttribute("mailStranded")
    long mailStranded() {
        return held.stranded();
    }
}

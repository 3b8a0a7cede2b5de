package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A configured bootstrap password meets the rule too; start-up stops with a message naming the setting. */
class BootstrapPasswordTest {

    @Test
    void startUpStopsOnARefusedBootstrapPasswordNamingTheSettingButNotThePassword() {
        var application = new SpringApplicationBuilder(ca.gardien.GardienApplication.class);

        assertThatThrownBy(() -> {
                    // command-line arguments win over the test configuration's bootstrap password
                    try (var started = application.run(
                            "--gardien.organization.bootstrap-password=aaaaaaaaaaaa",
                            "--server.port=0",
                            "--spring.main.banner-mode=off")) {
                        assertThat(started).as("start-up should have stopped").isNull();
                    }
                })
                .hasStackTraceContaining(
                        "GARDIEN_BOOTSTRAP_PASSWORD (gardien.organization.bootstrap-password) is refused")
                .hasStackTraceContaining("must not be a repeated character or pattern")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("aaaaaaaaaaaa"));
    }

    @Test
    void theRuleKnowsTheBootstrapUsername() {
        var rule = new PasswordRule(new CommonPasswords(), Optional::empty, PasswordRule.MIN_LENGTH);

        assertThatThrownBy(() -> rule.check("bootstrap-password", "officer-test-password", AccountBootstrap.USERNAME))
                .isInstanceOfSatisfying(
                        PasswordRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(PasswordRefusedException.Reason.USERNAME));
    }

    /** The rule the forms apply (officer's review: "julie12345678" was taken), the bootstrap password's too. */
    @Test
    void aBootstrapPasswordHoldingASequenceIsRefusedAsAnyOther() {
        var rule = new PasswordRule(new CommonPasswords(), Optional::empty, PasswordRule.MIN_LENGTH);

        assertThatThrownBy(() -> rule.check("bootstrap-password", "julie12345678", AccountBootstrap.USERNAME))
                .isInstanceOfSatisfying(
                        PasswordRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(PasswordRefusedException.Reason.SEQUENCE));
    }

    private static String stackTrace(Throwable e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}

package ca.gardien.governance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the public pages link the governance policy ({@code /privacy/policy}): only once a version of it is
 * published, so no page links a "not found". Templates call it as {@code @publishedPolicy.exists()}
 * ({@code inventory/public-links}).
 */
@Component("publishedPolicy")
class PublishedPolicyLink {

    private final JdbcClient jdbc;

    PublishedPolicyLink(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists() {
        return jdbc.sql("SELECT COUNT(*) FROM governance_policy_version WHERE policy_id = ? AND status = 'PUBLISHED'")
                        .param(PolicySeed.PRIVACY_POLICY)
                        .query(Long.class)
                        .single()
                > 0;
    }
}

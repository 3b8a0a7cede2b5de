package ca.gardien.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.Refusal;
import ca.gardien.shared.OutboundAddresses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's list of database hosts (gardien.connectors.jdbc.allow): a connector names no other host. */
class JdbcHostListTest {

    private static JdbcPolicy listing(String... allowed) {
        var products = new JdbcProducts(new ConnectorsProperties.Jdbc(false, Map.of(), List.of(allowed)));
        var own = new OwnDatabase("jdbc:h2:mem:gardien", JdbcPolicyTest.HOSTS, Map.of());
        return new JdbcPolicy(products, own, new OutboundAddresses(List.of(allowed), JdbcPolicyTest.HOSTS::resolve));
    }

    private static List<String> codes(JdbcPolicy policy, String url) {
        return policy.refusals(url).stream().map(Refusal::code).toList();
    }

    @Test
    void aListedNetworkOrNameIsReachableAndEveryOtherHostIsRefusedInTheSameWords() {
        var policy = listing("10.0.0.0/29", "crm.example.test");

        assertThat(codes(policy, "jdbc:postgresql://db.internal:5432/crm")).isEmpty(); // 10.0.0.5: in the network
        assertThat(codes(policy, "jdbc:mariadb://10.0.0.6:3306/crm")).isEmpty();
        assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm")).isEmpty(); // listed by its name
        assertThat(codes(policy, "jdbc:postgresql://10.0.0.9:22/crm")) // crm.example.test's address, not its name
                .containsExactly("host-not-allowed");
        assertThat(codes(policy, "jdbc:postgresql://192.168.1.10:5432/crm")).containsExactly("host-not-allowed");
        assertThat(codes(policy, "jdbc:postgresql://nowhere.test:5432/crm")).containsExactly("host-not-allowed");
        assertThat(codes(policy, "jdbc:postgresql://db.internal,192.168.1.10/crm")) // every host of a list is judged
                .containsExactly("host-not-allowed");
        assertThat(codes(policy, "jdbc:postgresql://[::1]:5432/crm")).containsExactly("host-not-allowed");
    }

    @Test
    void withoutAListAnyHostButGardiensOwnDatabaseIsAllowed() {
        var policy = new JdbcPolicy(
                new JdbcProducts(new ConnectorsProperties.Jdbc(false, Map.of(), List.of())),
                new OwnDatabase("jdbc:h2:mem:gardien", JdbcPolicyTest.HOSTS, Map.of()));

        assertThat(codes(policy, "jdbc:postgresql://192.168.1.10:5432/crm")).isEmpty();
    }
}

package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.shared.OutboundAddresses.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outbound calls to user-given URLs reach public addresses only, unless the operator allows more (finding L2). */
class OutboundAddressesTest {

    static final OutboundAddresses NONE = new OutboundAddresses(List.of());

    static OutboundAddresses.Resolver names(Map<String, String> answers) {
        return host -> {
            var answer = answers.get(host.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.$", ""));
            if (answer == null) {
                throw new UnknownHostException(host);
            }
            var parts = answer.split(",");
            var addresses = new InetAddress[parts.length];
            for (int i = 0; i < parts.length; i++) {
                addresses[i] = InetAddress.getByName(parts[i]); // literals: no DNS
            }
            return addresses;
        };
    }

    static Reason refusal(OutboundAddresses addresses, String url) {
        return addresses.refusal(URI.create(url)).orElse(null);
    }

    @Test
    void refusesLoopbackPrivateLinkLocalSharedMulticastAndReservedIpv4() {
        for (var url : List.of(
                "http://127.0.0.1/",
                "https://127.8.9.10:8443/x",
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/",
                "http://172.16.0.1/",
                "http://172.31.255.255/",
                "http://192.168.1.1/",
                "http://100.64.0.1/",
                "http://0.0.0.0/",
                "http://224.0.0.1/",
                "http://255.255.255.255/",
                "http://198.18.0.1/")) {
            assertThat(refusal(NONE, url)).as(url).isEqualTo(Reason.NOT_PUBLIC);
        }
        assertThat(refusal(NONE, "http://172.32.0.1/")).isNull();
        assertThat(refusal(NONE, "https://93.184.216.34/callbacks")).isNull();
    }

    @Test
    void refusesTheSameAddressesWrittenInIpv6() {
        for (var url : List.of(
                "http://[::1]/",
                "http://[::]/",
                "http://[fe80::1]/",
                "http://[fc00::1]/",
                "http://[fd12:3456::1]/",
                "http://[ff02::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:7f00:1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://[::ffff:10.0.0.1]/",
                "http://[::127.0.0.1]/",
                "http://[64:ff9b::7f00:1]/",
                "http://[2002:7f00:1::]/",
                "http://[2001:db8::1]/")) {
            assertThat(refusal(NONE, url)).as(url).isEqualTo(Reason.NOT_PUBLIC);
        }
        assertThat(refusal(NONE, "https://[2606:4700:4700::1111]/")).isNull();
        assertThat(refusal(NONE, "https://[2002:5db8:d822::]/"))
                .as("6to4 of a public address")
                .isNull();
    }

    @Test
    void refusesScopedAndUnreadableAddressLiteralsOutrightNotAsNamesNotResolvingYet() {
        for (var url : List.of("http://[::1%25lo]:8099/a", "http://[fe80::1%25eth0]/", "http://[::1%25eth0]/")) {
            assertThat(refusal(NONE, url)).as(url).isEqualTo(Reason.AMBIGUOUS_HOST);
        }
    }

    @Test
    void refusesNumericHostsThatSoftwareReadsDifferently() {
        for (var url : List.of(
                "http://2130706433/",
                "http://0177.0.0.1/",
                "http://0x7f.0.0.1/",
                "http://127.1/",
                "http://017700000001/",
                "http://0x7f000001/",
                "http://93.184.216.034/")) {
            assertThat(refusal(NONE, url)).as(url).isEqualTo(Reason.AMBIGUOUS_HOST);
        }
    }

    @Test
    void judgesANameByEveryAddressItResolvesTo() throws Exception {
        var addresses = new OutboundAddresses(
                List.of(),
                names(Map.of(
                        "public.example.test", "93.184.216.34",
                        "inside.example.test", "127.0.0.1",
                        "mixed.example.test", "93.184.216.34,10.1.2.3",
                        "v6.example.test", "::1")));
        assertThat(refusal(addresses, "https://public.example.test/cb")).isNull();
        assertThat(refusal(addresses, "https://inside.example.test/cb")).isEqualTo(Reason.NOT_PUBLIC);
        assertThat(refusal(addresses, "https://mixed.example.test/cb")).isEqualTo(Reason.NOT_PUBLIC);
        assertThat(refusal(addresses, "https://v6.example.test/cb")).isEqualTo(Reason.NOT_PUBLIC);
        assertThat(addresses.resolve("public.example.test")).containsExactly(InetAddress.getByName("93.184.216.34"));
    }

    @Test
    void localhostResolvesToLoopbackAndIsRefusedWithTheSystemResolver() {
        assertThat(refusal(NONE, "http://localhost:8080/")).isEqualTo(Reason.NOT_PUBLIC);
        assertThat(refusal(NONE, "http://LOCALHOST/")).isEqualTo(Reason.NOT_PUBLIC);
    }

    @Test
    void aNameThatDoesNotResolveIsLeftToTheCallWhichRefusesIt() {
        var addresses = new OutboundAddresses(List.of(), names(Map.of()));
        assertThat(refusal(addresses, "https://nowhere.example.test/cb")).isNull();
        assertThatThrownBy(() -> addresses.resolve("nowhere.example.test"))
                .isInstanceOfSatisfying(
                        OutboundAddresses.Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNRESOLVED));
    }

    @Test
    void hostsThatAreNotPlainAsciiAreRefused() {
        assertThatThrownBy(() -> NONE.resolve("exa\u0131mple.test"))
                .isInstanceOfSatisfying(
                        OutboundAddresses.Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AMBIGUOUS_HOST));
        assertThatThrownBy(() -> NONE.resolve(null)).isInstanceOf(OutboundAddresses.Refused.class);
    }

    @Test
    void theOperatorAllowsNetworksAndHostNames() throws Exception {
        var addresses = new OutboundAddresses(
                List.of("127.0.0.0/8", "::1/128", "10.20.0.0/16", "crm.corp.example.test"),
                names(Map.of("crm.corp.example.test", "10.99.0.7", "other.corp.example.test", "10.99.0.8")));
        assertThat(refusal(addresses, "http://127.0.0.1:8080/")).isNull();
        assertThat(refusal(addresses, "http://[::1]/")).isNull();
        assertThat(refusal(addresses, "http://[::ffff:127.0.0.1]/")).isNull();
        assertThat(refusal(addresses, "http://10.20.3.4/")).isNull();
        assertThat(refusal(addresses, "http://10.21.3.4/")).isEqualTo(Reason.NOT_PUBLIC);
        assertThat(refusal(addresses, "https://CRM.corp.example.test./hook")).isNull();
        assertThat(refusal(addresses, "https://other.corp.example.test/hook")).isEqualTo(Reason.NOT_PUBLIC);
        assertThat(refusal(addresses, "http://169.254.169.254/")).isEqualTo(Reason.NOT_PUBLIC);
        assertThat(addresses.resolve("crm.corp.example.test")).containsExactly(InetAddress.getByName("10.99.0.7"));
    }

    @Test
    void aMistakeInTheAllowListStopsTheStart() {
        assertThatThrownBy(() -> new OutboundAddresses(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundAddresses(List.of("not a host")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundAddresses(List.of("2130706433")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package ca.gardien.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.Refusal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/** The JDBC allow-list: products, URL shapes and properties, whatever an operator configures. */
class JdbcPolicyTest {

    /** Resolves nothing by DNS: fixed names, and 127.0.0.0/8 is this machine. */
    static final OwnDatabase.Hosts HOSTS = new OwnDatabase.Hosts() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return switch (host.toLowerCase(java.util.Locale.ROOT)) {
                case "localhost" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
                case "db.internal" -> new InetAddress[] {InetAddress.getByName("10.0.0.5")};
                case "crm.example.test" -> new InetAddress[] {InetAddress.getByName("10.0.0.9")};
                default -> {
                    if (!host.matches("[0-9a-fA-F:.]+")) {
                        throw new UnknownHostException(host);
                    }
                    yield InetAddress.getAllByName(host); // a literal: no DNS
                }
            };
        }

        @Override
        public boolean local(InetAddress address) {
            return address.isLoopbackAddress();
        }
    };

    static JdbcPolicy policy(boolean h2, Map<String, ConnectorsProperties.Product> products, String ownUrl) {
        var settings = new ConnectorsProperties.Jdbc(h2, products, List.of());
        return new JdbcPolicy(new JdbcProducts(settings), new OwnDatabase(ownUrl, HOSTS, Map.of()));
    }

    static final JdbcPolicy WITH_H2 = policy(true, Map.of(), "jdbc:h2:mem:gardien-own;DB_CLOSE_DELAY=-1");

    static List<String> codes(JdbcPolicy policy, String url) {
        return policy.refusals(url).stream().map(Refusal::code).toList();
    }

    @Test
    void theProbesDotlessIInitIsRefusedEvenWithH2Enabled() {
        var url = "jdbc:h2:mem:probe4;\u0131nit=CREATE ALIAS PRB AS 'void p(String f) throws Exception {"
                + " java.nio.file.Files.writeString(java.nio.file.Path.of(f), \"rce\"); }'\\;CALL PRB('/tmp/rce')";
        assertThat(codes(WITH_H2, url)).containsExactly("not-ascii");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;\u0130NIT=RUNSCRIPT FROM 'x'"))
                .containsExactly("not-ascii");
    }

    @Test
    void h2SettingsThatRunCodeAndUnknownSettingsAreRefusedEvenWithH2Enabled() {
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'evil.sql'"))
                .containsExactly("forbidden");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;init=CREATE ALIAS A FOR 'java.lang.Runtime.exec'"))
                .containsExactly("forbidden");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;RUNSCRIPT=x")).containsExactly("forbidden");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;ALIAS=x")).containsExactly("forbidden");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;TRACE_LEVEL_FILE=3")).containsExactly("forbidden");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;AUTO_SERVER=TRUE")).containsExactly("forbidden");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;CIPHER=AES")).containsExactly("property");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;NO_SUCH_SETTING=1")).containsExactly("property");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;PASSWORD=sa")).containsExactly("password");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;MODE=PostgreSQL\\;INIT=x")).contains("forbidden");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;MODE=Postgre'SQL")).containsExactly("value");
        assertThat(codes(WITH_H2, "jdbc:h2:mem:x;INIT")).containsExactly("unreadable");
    }

    @Test
    void h2AcceptsItsPlainFormsAndAllowedSettingsOnlyWhenEnabled() {
        assertThat(codes(WITH_H2, "jdbc:h2:mem:crm-1;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_UPPER=false"))
                .isEmpty();
        assertThat(codes(WITH_H2, "jdbc:h2:mem:")).isEmpty();
        assertThat(codes(WITH_H2, "jdbc:h2:file:/tmp/gardien-tests/crm;IFEXISTS=TRUE;WRITE_DELAY=0"))
                .isEmpty();
        assertThat(codes(WITH_H2, "jdbc:h2:./target/crm")).isEmpty();
        assertThat(codes(WITH_H2, "jdbc:h2:zip:/tmp/x.zip!/crm")).containsExactly("unreadable");
        assertThat(codes(WITH_H2, "jdbc:h2:nio:/tmp/crm")).containsExactly("unreadable");
        assertThat(codes(WITH_H2, "jdbc:h2:crm")).containsExactly("unreadable");
        var disabled = policy(false, Map.of(), "jdbc:postgresql://db.internal/gardien");
        assertThat(codes(disabled, "jdbc:h2:mem:crm-1;DB_CLOSE_DELAY=-1")).containsExactly("h2-disabled");
        assertThat(codes(disabled, "jdbc:h2:file:/tmp/crm")).containsExactly("h2-disabled");
        assertThat(codes(disabled, "jdbc:h2:tcp://crm.example.test/crm")).containsExactly("h2-disabled");
    }

    @Test
    void theProductionConfigurationRefusesH2() throws Exception {
        var sources = new MutablePropertySources();
        new YamlPropertySourceLoader()
                .load("production", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        var binder = new Binder(
                ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
        var properties = binder.bindOrCreate("gardien.connectors", ConnectorsProperties.class);

        assertThat(properties.jdbc().h2Enabled()).isFalse();
        assertThat(properties.outbound().allow()).isEmpty();
        assertThat(properties.jdbc().allow()).isEmpty();
        var production = new JdbcPolicy(
                new JdbcProducts(properties.jdbc()),
                new OwnDatabase("jdbc:h2:file:./data/gardien;WRITE_DELAY=0", HOSTS, Map.of()));
        assertThat(codes(production, "jdbc:h2:mem:crm;DB_CLOSE_DELAY=-1")).containsExactly("h2-disabled");
        assertThat(codes(production, "jdbc:postgresql://crm.example.test:5432/crm?sslmode=require"))
                .isEmpty();
    }

    @Test
    void postgresqlTakesOnlyItsAllowedPropertiesComparedExactly() {
        var policy = policy(false, Map.of(), "jdbc:h2:mem:gardien");
        assertThat(codes(
                        policy,
                        "jdbc:postgresql://crm.example.test:5432/crm?user=gardien&sslmode=verify-full"
                                + "&currentSchema=crm_1&ApplicationName=Gardien%20connector&connectTimeout=5"))
                .isEmpty();
        for (var property : List.of(
                "socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext",
                "socketFactoryArg=http://attacker.example.test/x.xml",
                "sslfactory=x",
                "sslhostnameverifier=x",
                "sslpasswordcallback=x",
                "loggerFile=/tmp/log.jsp",
                "authenticationPluginClassName=x",
                "sslrootcert=/etc/passwd",
                "sslkey=/etc/ssl/private/key")) {
            assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm?" + property))
                    .as(property)
                    .containsExactly("forbidden");
        }
        assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm?SSLMODE=require"))
                .containsExactly("property");
        assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm?PGHOST=db.internal"))
                .containsExactly("property");
        assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm?password=leak"))
                .containsExactly("password");
        assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm?socket%46actory=x"))
                .containsExactly("unreadable");
        assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm?ApplicationName=%27%3B"))
                .containsExactly("value");
        assertThat(codes(policy, "jdbc:postgresql:crm")).containsExactly("unreadable");
        assertThat(codes(policy, "jdbc:postgresql://crm.exam\u0131ple.test/crm"))
                .containsExactly("not-ascii");
        assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm/x")).containsExactly("unreadable");
    }

    @Test
    void mariadbAndMysqlTakeOnlyTheirAllowedPropertiesWhateverTheCase() {
        var policy = policy(false, Map.of(), "jdbc:h2:mem:gardien");
        assertThat(codes(policy, "jdbc:mariadb://crm.example.test:3306/crm?user=gardien&sslMode=verify-full"))
                .isEmpty();
        assertThat(codes(policy, "jdbc:mysql://crm.example.test/crm?permitMysqlScheme&user=gardien"))
                .isEmpty();
        assertThat(codes(policy, "jdbc:mariadb://crm.example.test/crm?SSLMODE=trust"))
                .isEmpty();
        for (var property : List.of(
                "socketFactory=x",
                "allowLocalInfile=true",
                "ALLOWLOCALINFILE=true",
                "credentialType=ENV",
                "localSocket=/var/run/mysqld/mysqld.sock",
                "serverSslCert=/etc/passwd",
                "trustStore=file:/tmp/x",
                "autoDeserialize=true",
                "queryInterceptors=x")) {
            assertThat(codes(policy, "jdbc:mariadb://crm.example.test/crm?" + property))
                    .as(property)
                    .containsExactly("forbidden");
        }
        assertThat(codes(policy, "jdbc:mariadb://crm.example.test/crm?sessionVariables=x"))
                .containsExactly("property");
        assertThat(codes(policy, "jdbc:mariadb:replication://a.example.test,b.example.test/crm"))
                .containsExactly("unreadable");
        assertThat(codes(policy, "jdbc:mariadb://address=(host=crm.example.test)(port=3306)/crm"))
                .containsExactly("unreadable");
    }

    @Test
    void anOperatorAddsAProductAndPropertiesButNeverAForbiddenOne() {
        var products = Map.of(
                "sqlserver",
                new ConnectorsProperties.Product(
                        "jdbc:sqlserver:",
                        ConnectorsProperties.Syntax.SEMICOLON,
                        1433,
                        List.of("databaseName", "encrypt", "trustStore")),
                "postgresql",
                new ConnectorsProperties.Product(null, null, null, List.of("options", "socketFactory", "gssEncMode")));
        var policy = policy(false, products, "jdbc:h2:mem:gardien");

        assertThat(codes(policy, "jdbc:sqlserver://crm.example.test:1433;databaseName=crm;ENCRYPT=true"))
                .as("allowed, then no driver for it on this class path")
                .containsExactly("driver");
        assertThat(codes(policy, "jdbc:sqlserver://crm.example.test;integratedSecurity=true"))
                .containsExactly("property");
        assertThat(codes(policy, "jdbc:sqlserver://crm.example.test;trustStore=/etc/passwd"))
                .containsExactly("forbidden");
        assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm?gssEncMode=disable"))
                .isEmpty();
        assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm?socketFactory=x"))
                .containsExactly("forbidden");
        assertThat(codes(policy, "jdbc:postgresql://crm.example.test/crm?options=-c%20x=y"))
                .containsExactly("forbidden");
        assertThatThrownBy(() -> policy(
                        false,
                        Map.of("h2again", new ConnectorsProperties.Product("jdbc:h2:", null, null, List.of("INIT"))),
                        "jdbc:h2:mem:gardien"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unknownProductsAndNonJdbcUrlsAreRefused() {
        assertThat(codes(WITH_H2, "jdbc:nosuchdriver://db")).containsExactly("product");
        assertThat(codes(WITH_H2, "jdbc:sqlite:/tmp/x.db")).containsExactly("product");
        assertThat(codes(WITH_H2, "jdbc:derby:memory:x;create=true")).containsExactly("product");
        assertThat(codes(WITH_H2, "JDBC:H2:mem:x")).containsExactly("malformed");
        assertThat(codes(WITH_H2, "http://not-jdbc")).containsExactly("malformed");
        assertThat(codes(WITH_H2, null)).containsExactly("malformed");
    }

    @Test
    void theBuiltInAllowListsHoldNoForbiddenName() {
        var products = new JdbcProducts(new ConnectorsProperties.Jdbc(true, Map.of(), List.of()));
        var all = new java.util.ArrayList<>(products.all());
        all.add(products.h2());
        for (var product : all) {
            assertThat(product.allowed()).as(product.name()).noneMatch(ForbiddenProperties::forbidden);
        }
    }
}

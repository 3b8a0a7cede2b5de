package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ApplicationStartsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesTheSchemaAndCreatesTheBootstrapOfficer() {
        assertThat(jdbc.sql("SELECT username FROM account").query(String.class).list())
                .containsExactly("officer");
    }
}

package ca.gardien;

import ca.gardien.ledger.OfflineVerifier;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Gardien. {@code java -jar gardien.jar} starts the server; {@code java -jar gardien.jar verify-ledger FILE} verifies
 * a ledger export offline and exits 0 (valid), 1 (tampered) or 2 (unreadable).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class GardienApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify-ledger".equals(args[0])) {
            System.exit(OfflineVerifier.run(Arrays.asList(args).subList(1, args.length), System.out));
        }
        SpringApplication.run(GardienApplication.class, args);
    }

    /** The one source of time; tests replace it to move deadlines forward. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

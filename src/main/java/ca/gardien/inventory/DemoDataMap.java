package ca.gardien.inventory;

import ca.gardien.shared.Actor;
import ca.gardien.shared.FirstStart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On an empty installation with the demo on ({@code gardien.demo.enabled}), applies {@code demo/ingeno.yaml}: the data
 * map of the reference customer's policy, with synthetic names only. Nodes started together apply it once
 * ({@link FirstStart}).
 */
@Component
@ConditionalOnProperty(name = "gardien.demo.enabled", havingValue = "true")
class DemoDataMap implements ApplicationRunner {

    static final String LOCATION = "demo/ingeno.yaml";

    private final Inventory inventory;
    private final FirstStart firstStart;

    DemoDataMap(Inventory inventory, FirstStart firstStart) {
        this.inventory = inventory;
        this.firstStart = firstStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        firstStart.once(() -> {
            if (inventory.isEmpty()) {
                inventory.apply(document(), Actor.SYSTEM);
            }
        });
    }

    static String document() {
        try (var in = new ClassPathResource(LOCATION).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package ca.gardien.shared;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP edge that every module shares.
 *
 * @param maxBody request-body caps
 */
@ConfigurationProperties("gardien.web")
public record WebProperties(@DefaultValue MaxBody maxBody) {

    /**
     * @param standard the cap of every request body ({@code gardien.web.max-body.default}, 1 MB)
     * @param paths caps by path pattern ({@code gardien.web.max-body.paths[/api/v1/inventory/**]=2MB}); the most
     *     specific matching pattern wins, and a pattern here overrides the same pattern declared by a module
     */
    public record MaxBody(
            @Name("default") @DefaultValue("1MB") DataSize standard, Map<String, DataSize> paths) {

        public MaxBody {
            paths = paths == null ? Map.of() : Map.copyOf(paths);
        }
    }
}

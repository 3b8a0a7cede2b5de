package ca.gardien.connectors.spi;

import ca.gardien.shared.FieldError;
import java.util.List;

/** Makes connectors of one type ({@code jdbc}, {@code webhook}, {@code manual}, …); register one as a Spring bean. */
public interface ConnectorFactory {

    String type();

    /** Problems with the settings, each naming its field, checked before anything is stored. */
    List<FieldError> problems(ConnectorSettings settings);

    Connector create(ConnectorSettings settings);
}

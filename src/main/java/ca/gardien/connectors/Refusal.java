package ca.gardien.connectors;

/**
 * Why a connector's address is refused: a message key under {@code connectors.url.} (or {@code outbound.}) and its
 * arguments, which never quote more of the URL than a property name already checked to be plain ASCII.
 */
public record Refusal(String code, Object... args) {

    @Override
    public String toString() {
        return code;
    }
}

package ca.gardien.connectors.spi;

/**
 * A connector that hands an order to someone else (a service, a person) and learns the outcome later, through a signed
 * callback or a staff member completing the task.
 */
public interface DispatchingConnector extends Connector {

    /** Sends the order; throws when it could not be handed over (the run then retries with backoff). */
    void dispatch(RunOrder order) throws Exception;
}

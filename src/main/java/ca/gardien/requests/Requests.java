package ca.gardien.requests;

import ca.gardien.shared.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read model of rights requests, for the API, the console and other modules. */
@Service
public class Requests {

    static final int MAX_LIST = 1000;

    private final RequestStore store;

    Requests(RequestStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public RightsRequest get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("request", id));
    }

    /** Requests by due date, soonest first, optionally filtered; identifier values hidden. */
    @Transactional(readOnly = true)
    public List<RightsRequest> list(RequestStatus status, RequestType type) {
        return store.list(status, type, MAX_LIST).stream()
                .map(RightsRequest::withoutIdentifierValues)
                .toList();
    }
}

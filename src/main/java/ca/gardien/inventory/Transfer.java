package ca.gardien.inventory;

import java.util.List;

/**
 * A communication of information outside Québec (s. 17): to which jurisdiction, which recipient, which categories,
 * under which written agreement, and the privacy impact assessment that must have found the protection adequate.
 */
public record Transfer(
        String id,
        String destination,
        String recipient,
        List<String> categories,
        String agreement,
        String piaReference,
        boolean piaApproved)
        implements DataMap.Item {

    public Transfer {
        categories = DataMap.list(categories);
    }

    @Override
    public Transfer normalized() {
        return new Transfer(
                id, destination, recipient, DataMap.sortedIds(categories), agreement, piaReference, piaApproved);
    }
}

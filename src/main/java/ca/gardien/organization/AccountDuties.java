package ca.gardien.organization;

import java.util.Map;
import java.util.UUID;

/**
 * What accounts do in another module that disabling them would stop (the person in charge's designated substitute, a
 * written delegation): a module publishes its duties as a bean; the accounts page collects every bean of this type,
 * names each account's duties beside its status and asks before disabling it, so that the accounts page knows no module
 * (officer's review: disabling the substitute asked nothing, and nobody could then act during an absence).
 */
@org.springframework.modulith.NamedInterface("views")
public interface AccountDuties {

    /** Each account holding a duty now or from a later day, to the bundle key that names the duty in words. */
    Map<UUID, String> duties();
}

package ca.gardien.shared;

/**
 * The row a step read was changed by another step before this one wrote it (optimistic locking: two saves at once, a
 * double click, the page's save-as-you-go beside its button). A {@link ConflictException}: a 409 problem on the API, the
 * form again with what was typed and {@code key}'s words on a console page ({@link FormSteps}, {@link ErrorPages}),
 * never a 500.
 */
public class ChangedMeanwhile extends ConflictException {

    /** {@code key}: what changed, in the module's words ("this assessment was changed meanwhile: check and save again"). */
    public ChangedMeanwhile(String key) {
        super(key);
    }

    /**
     * The conflict as a page says it: a {@link ConflictException} in its own words; a concurrency failure no module put
     * in words (an optimistic lock of a store that throws Spring's, a lock that could not be had) as a change meanwhile; a
     * unique key another write took first (two creations of one name at once) as a conflict with what exists; a foreign
     * key (what the step refers to removed meanwhile, or another row come to refer to it) as a change of that item
     * ({@link IntegrityViolations}).
     *
     * @throws org.springframework.dao.DataIntegrityViolationException {@code e} itself when it is any other integrity
     *     violation: a bug, not someone else's change, which no page words as a conflict (the 500 page says it)
     */
    public static ConflictException said(RuntimeException e) {
        if (e instanceof ConflictException conflict) {
            return conflict;
        }
        if (e instanceof org.springframework.dao.DataIntegrityViolationException violation) {
            if (!IntegrityViolations.of(violation).meanwhile()) {
                throw violation;
            }
            return new ChangedMeanwhile(
                    IntegrityViolations.of(violation) == IntegrityViolations.Kind.FOREIGN_KEY
                            ? "shared.conflict.reference" // the item it refers to changed or was removed meanwhile
                            : "shared.conflict.integrity"); // a unique name taken at the same moment by another session
        }
        return new ChangedMeanwhile("shared.conflict.changed");
    }
}

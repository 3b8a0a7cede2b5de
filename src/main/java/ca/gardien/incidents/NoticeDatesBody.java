package ca.gardien.incidents;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/incidents/{id}/notices}: a field omitted leaves what the entry records as it is, a
 * field given replaces it, {@code null} clearing a date or a text (attacker's review: a body without {@code
 * personsNoticeOn} cleared the date a recorded transmission had set). Setters, not a record, because a record cannot
 * tell a field omitted from a field given as {@code null}.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "IncidentNoticeDates")
final class NoticeDatesBody {

    private LocalDate caiNoticeOn;
    private LocalDate personsNoticeOn;
    private Boolean publicNotice;
    private String publicNoticeReason;
    private String noNoticeReason;
    private String otherAuthorities;
    private final Set<String> given = new HashSet<>();

    /** The notices as the entry records them, with the fields this body gives. */
    NoticeDates over(NoticeDates recorded) {
        return new NoticeDates(
                given.contains("caiNoticeOn") ? caiNoticeOn : recorded.caiNoticeOn(),
                given.contains("personsNoticeOn") ? personsNoticeOn : recorded.personsNoticeOn(),
                given.contains("publicNotice") ? publicNotice : recorded.publicNotice(),
                given.contains("publicNoticeReason") ? publicNoticeReason : recorded.publicNoticeReason(),
                given.contains("noNoticeReason") ? noNoticeReason : recorded.noNoticeReason(),
                given.contains("otherAuthorities") ? otherAuthorities : recorded.otherAuthorities());
    }

    public LocalDate getCaiNoticeOn() {
        return caiNoticeOn;
    }

    public void setCaiNoticeOn(LocalDate value) {
        caiNoticeOn = value;
        given.add("caiNoticeOn");
    }

    public LocalDate getPersonsNoticeOn() {
        return personsNoticeOn;
    }

    public void setPersonsNoticeOn(LocalDate value) {
        personsNoticeOn = value;
        given.add("personsNoticeOn");
    }

    public Boolean getPublicNotice() {
        return publicNotice;
    }

    public void setPublicNotice(Boolean value) {
        publicNotice = value;
        given.add("publicNotice");
    }

    public String getPublicNoticeReason() {
        return publicNoticeReason;
    }

    public void setPublicNoticeReason(String value) {
        publicNoticeReason = value;
        given.add("publicNoticeReason");
    }

    public String getNoNoticeReason() {
        return noNoticeReason;
    }

    public void setNoNoticeReason(String value) {
        noNoticeReason = value;
        given.add("noNoticeReason");
    }

    public String getOtherAuthorities() {
        return otherAuthorities;
    }

    public void setOtherAuthorities(String value) {
        otherAuthorities = value;
        given.add("otherAuthorities");
    }
}

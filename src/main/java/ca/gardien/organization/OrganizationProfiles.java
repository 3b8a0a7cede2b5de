package ca.gardien.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The single organization profile row. */
@Repository
class OrganizationProfiles {

    private final JdbcClient jdbc;

    OrganizationProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrganizationProfile> find() {
        return jdbc.sql("SELECT * FROM organization_profile WHERE id = 1")
                .query(OrganizationProfiles::map)
                .optional();
    }

    /** The profile, its row locked until the transaction ends (a save that checks what it replaces). */
    Optional<OrganizationProfile> findForUpdate() {
        return jdbc.sql("SELECT * FROM organization_profile WHERE id = 1 FOR UPDATE")
                .query(OrganizationProfiles::map)
                .optional();
    }

    void save(OrganizationProfile p, Instant now) {
        var a = p.address();
        var o = p.personInCharge();
        var acting = p.acting();
        Object[] values = {
            p.legalName(),
            p.neq(),
            a.street(),
            a.city(),
            a.province(),
            a.postalCode(),
            a.country(),
            o.name(),
            o.title(),
            o.titleEn(),
            o.email(),
            o.phone(),
            acting == null ? null : acting.name(),
            acting == null ? null : acting.title(),
            acting == null ? null : acting.titleEn(),
            acting == null ? null : acting.email(),
            acting == null ? null : acting.phone(),
            Accounts.time(now)
        };
        int updated = jdbc.sql(
                        "UPDATE organization_profile SET legal_name = ?, neq = ?, street = ?, city = ?, "
                                + "province = ?, postal_code = ?, country = ?, officer_name = ?, officer_title = ?, "
                                + "officer_title_en = ?, officer_email = ?, officer_phone = ?, acting_name = ?, acting_title = ?, "
                                + "acting_title_en = ?, acting_email = ?, acting_phone = ?, updated_at = ?, version = version + 1 WHERE id = 1")
                .params(values)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO organization_profile (legal_name, neq, street, city, province, postal_code, country, "
                            + "officer_name, officer_title, officer_title_en, officer_email, officer_phone, acting_name, "
                            + "acting_title, acting_title_en, acting_email, acting_phone, updated_at, id, version) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)")
                    .params(values)
                    .update();
        }
    }

    private static OrganizationProfile map(ResultSet rs, int row) throws SQLException {
        var acting = rs.getString("acting_name") == null
                ? null
                : new OrganizationProfile.PersonInCharge(
                        rs.getString("acting_name"),
                        rs.getString("acting_title"),
                        rs.getString("acting_title_en"),
                        rs.getString("acting_email"),
                        rs.getString("acting_phone"));
        return new OrganizationProfile(
                rs.getString("legal_name"),
                rs.getString("neq"),
                new OrganizationProfile.Address(
                        rs.getString("street"),
                        rs.getString("city"),
                        rs.getString("province"),
                        rs.getString("postal_code"),
                        rs.getString("country")),
                new OrganizationProfile.PersonInCharge(
                        rs.getString("officer_name"),
                        rs.getString("officer_title"),
                        rs.getString("officer_title_en"),
                        rs.getString("officer_email"),
                        rs.getString("officer_phone")),
                acting);
    }
}

package ca.gardien.requests;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Set;

/**
 * Whether Gardien sends a text message to a phone number a request gives: not to premium-rate, shared-cost, universal
 * access, pager or voicemail numbers, nor to the international networks (satellite, +881/+882/+883) — numbers whose
 * texts cost the sender and pay the receiver (attacker's review: the public form queued codes to a satellite number,
 * a premium one and a known SMS-pumping destination, bounded only by the per-address limits).
 */
final class TextableNumbers {

    private static final Set<PhoneNumberType> REFUSED = Set.of(
            PhoneNumberType.PREMIUM_RATE,
            PhoneNumberType.SHARED_COST,
            PhoneNumberType.UAN,
            PhoneNumberType.PAGER,
            PhoneNumberType.VOICEMAIL);

    /** The region libphonenumber gives the international networks that belong to no country. */
    private static final String NO_COUNTRY = "001";

    private TextableNumbers() {}

    /** Whether a phone number in E.164 may receive Gardien's texts. */
    static boolean textable(String e164) {
        var util = PhoneNumberUtil.getInstance();
        try {
            var number = util.parse(e164, "ZZ");
            return !NO_COUNTRY.equals(util.getRegionCodeForNumber(number))
                    && !REFUSED.contains(util.getNumberType(number));
        } catch (NumberParseException e) {
            return false;
        }
    }
}

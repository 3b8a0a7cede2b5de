package ca.gardien.shared;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The protective headers of an error answered before the security chains ran — a request Tomcat or the firewall
 * refused (attacker's review: those 400s went out with none): the page's own stylesheet and nothing else, never in a
 * frame, never sniffed, never cached.
 */
public final class EdgeHeaders {

    /** What an error page needs: its stylesheet. */
    static final String CSP =
            "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none';" + " frame-ancestors 'none'";

    private EdgeHeaders() {}

    public static void protect(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}

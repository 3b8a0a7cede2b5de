package ca.gardien.shared;

/**
 * A request refused at the edge, before any controller (a filter, the container): its status, the limit it went over
 * when there is one (bytes), and the reason when the status alone does not say it ({@code problem.http.<status>.<reason>}
 * in the bundles, the limit as its argument).
 */
record EdgeRefusal(int status, Long limit, String reason) {

    EdgeRefusal {
        if (reason != null && !reason.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("a refusal's reason is lower-case words joined by hyphens");
        }
    }

    static EdgeRefusal of(int status) {
        return new EdgeRefusal(status, null, null);
    }

    static EdgeRefusal over(int status, Long limit) {
        return new EdgeRefusal(status, limit, null);
    }

    /** A bad request, with the reason's own words. */
    static EdgeRefusal because(String reason, Long limit) {
        return new EdgeRefusal(400, limit, reason);
    }
}

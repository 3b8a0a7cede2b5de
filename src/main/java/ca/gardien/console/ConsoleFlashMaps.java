package ca.gardien.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The flash maps of a session (a refused form's typed values, "done"), kept in the session for the redirect that follows
 * a POST: at most {@value #PER_SESSION}, the oldest dropped first. Spring keeps one per POST whose redirect is not
 * followed, for three minutes, and clears them only on that session's next request, so one session posting refused
 * forms of 1 MB without following the redirects ran a node out of memory in 20 s (attacker's probe). A person follows
 * each redirect at once: a page in each of a few tabs is the most they ever wait for.
 */
@Component("flashMapManager") // the name the DispatcherServlet looks up
class ConsoleFlashMaps extends SessionFlashMapManager {

    static final int PER_SESSION = 4;

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
        var kept = flashMaps.size() <= PER_SESSION
                ? flashMaps
                : new java.util.ArrayList<>(flashMaps.subList(flashMaps.size() - PER_SESSION, flashMaps.size()));
        super.updateFlashMaps(kept, request, response);
    }
}

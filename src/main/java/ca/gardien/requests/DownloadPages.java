package ca.gardien.requests;

import ca.gardien.organization.Letterhead;
import ca.gardien.shared.PageLanguage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page the person's download link opens in a browser: what the package holds, until when the link works, and the
 * button that downloads it (a post, so that a mail scanner following the link does not use it up). A link already used
 * or expired opens a page (410) that says what happened and how to ask again. The one-download rule and the facts
 * recorded are those of {@link Deliveries#download}. Both pages speak the answer's language; the ZIP is named in it.
 */
@Controller
@Hidden
class DownloadPages {

    private final Deliveries deliveries;
    private final Letterhead letterhead;

    DownloadPages(Deliveries deliveries, Letterhead letterhead) {
        this.deliveries = deliveries;
        this.letterhead = letterhead;
    }

    @GetMapping(value = DownloadController.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("token", token);
        return page(deliveries.look(token), letterhead, model, request, response);
    }

    /**
     * The download itself, as the page's button posts it (a form); a link used or expired in the meantime answers the
     * 410 page ({@link DownloadPageErrors}). A program's post is {@link DownloadController#download}.
     */
    @PostMapping(value = DownloadController.PATH + "{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> download(@PathVariable String token) {
        return DownloadController.zip(deliveries.download(token));
    }

    /**
     * The link's page: the download, or why there is none any more (410); days in words, as the letters write them. It
     * speaks the answer's language, unless the person chose the other with the page's switch.
     */
    static String page(
            DownloadLink link,
            Letterhead letterhead,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        var locale = PageLanguage.of(request, link.language());
        model.addAttribute("link", link);
        model.addAttribute("lastDay", letterhead.day(link.lastDay(), locale));
        model.addAttribute("usedOn", link.usedOn() == null ? null : letterhead.day(link.usedOn(), locale));
        if (link.ready()) {
            return "requests/download";
        }
        response.setStatus(HttpServletResponse.SC_GONE);
        return "requests/download-gone";
    }
}

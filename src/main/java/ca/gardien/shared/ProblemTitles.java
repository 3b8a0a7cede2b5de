package ca.gardien.shared;

import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A problem's title in the caller's language, like its detail: a problem left with Spring's default title (the English
 * reason phrase, e.g. "Forbidden", "Conflict") gets {@code problem.title.<status>} in the language {@link ApiLanguage}
 * names. Titles a module set itself are kept.
 */
@ControllerAdvice
class ProblemTitles implements ResponseBodyAdvice<Object> {

    private final MessageSource messages;

    ProblemTitles(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail pd) {
            var status = HttpStatus.resolve(pd.getStatus());
            var english = status == null ? null : status.getReasonPhrase();
            if (pd.getTitle() == null || pd.getTitle().equals(english)) {
                pd.setTitle(messages.getMessage(
                        "problem.title." + pd.getStatus(), null, pd.getTitle(), ApiLanguage.current()));
            }
        }
        return body;
    }
}

package ca.gardien.requests;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Only a read shows a request's identifiers in clear: {@code GET /api/v1/requests/{id}}, which records the view
 * ({@link Requests#read}). The request that a step answers with (intake, cancel, verify, approve, send…) carries its
 * identifiers without their values, so that a step is not a way to read them unrecorded.
 */
@RestControllerAdvice(assignableTypes = {RequestController.class, WorkflowController.class})
class IdentifierValuesAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return RightsRequest.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        return body instanceof RightsRequest shown && !HttpMethod.GET.equals(request.getMethod())
                ? shown.withoutIdentifierValues()
                : body;
    }
}

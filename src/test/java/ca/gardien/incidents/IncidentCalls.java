package ca.gardien.incidents;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The incident tests' API calls: a JSON body sent with a bearer token, the answer's status checked. */
record IncidentCalls(MockMvc mvc) {

    String send(HttpMethod method, String bearer, String path, String body, int expected) throws Exception {
        return mvc.perform(request(method, path)
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Records an entry; its id. */
    String create(String bearer, String body) throws Exception {
        return JsonPath.read(send(HttpMethod.POST, bearer, "/api/v1/incidents", body, 201), "$.id");
    }
}

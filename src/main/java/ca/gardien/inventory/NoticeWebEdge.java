package ca.gardien.inventory;

import ca.gardien.shared.WebEdge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published privacy notice and its past versions are public. */
@Configuration(proxyBeanMethods = false)
class NoticeWebEdge {

    @Bean
    WebEdge noticeEdge() {
        return WebEdge.none().withPublicPages("/privacy", "/privacy/versions/*");
    }
}

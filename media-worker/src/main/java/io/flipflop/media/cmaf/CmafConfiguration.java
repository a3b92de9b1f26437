package io.flipflop.media.cmaf;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CmafSettings.class)
class CmafConfiguration {
}

package org.safereg.api.support;

import org.safereg.keys.KekProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Wraps the application's {@link KekProvider} bean in the {@link SwitchableKekProvider} test double. */
@TestConfiguration(proxyBeanMethods = false)
public class SwitchableKekProviderConfiguration {
    @Bean
    static BeanPostProcessor switchableKekProvider() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof KekProvider kek && !(bean instanceof SwitchableKekProvider)
                        ? new SwitchableKekProvider(kek) : bean;
            }
        };
    }
}

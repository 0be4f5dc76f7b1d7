package org.budgetledger.web.security;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.ManagedList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

import java.util.List;

/**
 * The security rules match paths with Spring's {@code PathPattern}s, the parser Spring MVC itself uses, instead of
 * asking Spring MVC which handler each request goes to. Spring Security 6.5 still wraps its filter chain in
 * {@code HandlerMappingIntrospector}'s cache filter whenever Spring MVC is present, whichever matchers are used
 * ({@code WebMvcSecurityConfiguration}): that filter looks up every request's handler once more before Spring
 * MVC does (about 6% of a single POST's CPU, async-profiler). With path-pattern matchers nothing reads what it
 * caches, so the wrapping is taken off again here; the path-parsing filter Spring Security adds for these
 * matchers stays.
 */
@Configuration(proxyBeanMethods = false)
public class PathPatternMatching {

    static final String INTROSPECTOR_CACHE_FILTER = "org.springframework.security.config.annotation.web.configuration."
            + "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    /** Spring Security's switch to path-pattern matchers for {@code requestMatchers(String...)}. */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Runs after every bean-definition registry post-processor, so after Spring Security's wrapping. */
    @Bean
    static BeanFactoryPostProcessor withoutIntrospectorCacheFilter() {
        return PathPatternMatching::unwrap;
    }

    private static void unwrap(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        String name = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
        if (beanFactory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(name)) {
            BeanDefinition chain = registry.getBeanDefinition(name);
            BeanDefinition unwrapped = withoutCacheFilter(chain);
            if (unwrapped != chain) {
                registry.removeBeanDefinition(name);
                registry.registerBeanDefinition(name, unwrapped);
            }
        }
    }

    /**
     * The definition without the introspector's cache filter: a composite of that filter and the chain becomes the
     * chain; other composites keep their filters, each unwrapped in turn.
     */
    private static BeanDefinition withoutCacheFilter(BeanDefinition definition) {
        ManagedList<Object> filters = compositeFilters(definition);
        if (filters == null) {
            return definition;
        }
        List<Object> others = filters.stream().filter(filter -> !isCacheFilter(filter)).toList();
        if (others.size() == 1 && others.size() < filters.size() && others.get(0) instanceof BeanDefinition chain) {
            return withoutCacheFilter(chain);
        }
        filters.replaceAll(filter -> filter instanceof BeanDefinition inner ? withoutCacheFilter(inner) : filter);
        return definition;
    }

    @SuppressWarnings("unchecked")
    private static ManagedList<Object> compositeFilters(BeanDefinition definition) {
        ConstructorArgumentValues arguments = definition.getConstructorArgumentValues();
        ConstructorArgumentValues.ValueHolder first = arguments.getArgumentCount() == 1
                ? arguments.getArgumentValue(0, null) : null;
        return first != null && first.getValue() instanceof ManagedList<?> list ? (ManagedList<Object>) list : null;
    }

    private static boolean isCacheFilter(Object filter) {
        return filter instanceof BeanDefinition definition && INTROSPECTOR_CACHE_FILTER.equals(definition.getBeanClassName());
    }
}

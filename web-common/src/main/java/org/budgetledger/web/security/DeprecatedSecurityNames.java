package org.budgetledger.web.security;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security settings' names before {@code budgetledger.security.*}: each {@code ledger.security.X} that is
 * set is read as {@code budgetledger.security.X} from a property source of the lowest precedence, so that a
 * new name set anywhere wins over its old name; each old name is logged once, at the start, with its new name.
 * Runs after the configuration files are loaded ({@code application.yml} included), so every place an
 * operator can set a setting (arguments, environment, files) is seen.
 */
public class DeprecatedSecurityNames implements EnvironmentPostProcessor, Ordered {

    static final String OLD_PREFIX = "ledger.security";
    static final String NEW_PREFIX = "budgetledger.security";
    static final String SOURCE_NAME = "deprecatedSecurityNames";
    /** Spring reads a source with this ending of its name as environment variables (BUDGETLEDGER_SECURITY_…). */
    static final String VARIABLES_SOURCE_NAME = "deprecatedSecurityNames-systemEnvironment";
    private static final String OLD_VARIABLE_PREFIX = "LEDGER_SECURITY_";

    private static final ConfigurationPropertyName OLD = ConfigurationPropertyName.of(OLD_PREFIX);

    private final Log log;

    public DeprecatedSecurityNames(DeferredLogFactory logs) {
        this.log = logs.getLog(DeprecatedSecurityNames.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().remove(SOURCE_NAME);
        environment.getPropertySources().remove(VARIABLES_SOURCE_NAME);
        Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
        Map<String, Object> renamed = new LinkedHashMap<>();
        Map<String, Object> renamedVariables = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : sources) {
            if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource variables) {
                for (String variable : variables.getPropertyNames()) {
                    if (variable.regionMatches(true, 0, OLD_VARIABLE_PREFIX, 0, OLD_VARIABLE_PREFIX.length())) {
                        String newVariable = "BUDGET" + OLD_VARIABLE_PREFIX + variable.substring(OLD_VARIABLE_PREFIX.length());
                        if (renamedVariables.putIfAbsent(newVariable, variables.getProperty(variable)) == null) {
                            log(variable, newVariable, variables.containsProperty(newVariable));
                        }
                    }
                }
            } else if (source instanceof IterableConfigurationPropertySource names) {
                names.stream().filter(OLD::isAncestorOf).forEach(name -> {
                    String newName = newName(name);
                    ConfigurationProperty property = source.getConfigurationProperty(name);
                    if (property != null && !renamed.containsKey(newName)) {
                        renamed.put(newName, property.getValue());
                        log(OLD_PREFIX + newName.substring(NEW_PREFIX.length()), newName, isSet(sources, newName));
                    }
                });
            }
        }
        // last: a new name set anywhere (arguments, environment, files, defaults) is found before its old one
        if (!renamed.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, renamed));
        }
        if (!renamedVariables.isEmpty()) {
            environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(VARIABLES_SOURCE_NAME, renamedVariables));
        }
    }

    private void log(String oldName, String newName, boolean newNameSet) {
        log.info("event=deprecated_setting name=" + oldName + " use=" + newName + (newNameSet ? " ignored=new_name_set" : ""));
    }

    private static boolean isSet(Iterable<ConfigurationPropertySource> sources, String name) {
        ConfigurationPropertyName adapted = ConfigurationPropertyName.adapt(name, '.');
        for (ConfigurationPropertySource source : sources) {
            if (source.getConfigurationProperty(adapted) != null) {
                return true;
            }
        }
        return false;
    }

    /** The new name, with the old one's elements as written (a user's name keeps its case). */
    private static String newName(ConfigurationPropertyName oldName) {
        StringBuilder name = new StringBuilder(NEW_PREFIX);
        for (int element = OLD.getNumberOfElements(); element < oldName.getNumberOfElements(); element++) {
            name.append('.').append(oldName.getElement(element, ConfigurationPropertyName.Form.ORIGINAL));
        }
        return name.toString();
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor, which loads application.yml
        return Ordered.LOWEST_PRECEDENCE;
    }
}

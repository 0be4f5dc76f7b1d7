package org.budgetledger.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code budgetledger.http.*}: the largest request bodies ({@link RequestSizeLimit}).
 *
 * @param bodyMax      for single requests
 * @param batchBodyMax for {@code :batch} and {@code :import}
 */
@ConfigurationProperties("budgetledger.http")
public record HttpProperties(@DefaultValue("1MB") DataSize bodyMax, @DefaultValue("16MB") DataSize batchBodyMax) {
}

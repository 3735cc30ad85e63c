package org.safereg.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.Map;
import org.safereg.registration.RequestContext;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): both authentication
 * schemes, the {@code X-Purpose} header on every personal-data operation (those taking a
 * {@link RequestContext}), the optional {@code X-Request-Id}, and the problem+json error responses.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OpenApiConfiguration {
    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestContext.class);
    }

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Malformed request or invalid fields (types malformed-request, validation)",
            "401", "No or invalid credentials (type unauthenticated)",
            "403", "Role not allowed (forbidden), purpose denied (no-purpose, invalid-purpose, prohibited-purpose, "
                    + "purpose-not-allowed, action-not-covered), or password-change-required",
            "413", "Request body over the configured limit (payload-too-large)",
            "503", "Database or key provider unavailable; nothing was changed (unavailable)");

    @Bean
    OpenAPI registryOpenApi() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("path of the field, e.g. names.givenName"))
                .addProperty("message", new StringSchema().description("what is wrong (never the value)"));
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:safereg:problem:no-purpose"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().example("urn:safereg:request:3f1c..."))
                .addProperty("requestId", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
        return new OpenAPI()
                .info(new Info().title("SafeReg API").version("v1")
                        .description("Secure registration of displaced people, migrants and refugees. Every "
                                + "personal-data request declares its purpose in X-Purpose; errors are "
                                + "application/problem+json with stable type URIs (urn:safereg:problem:<slug>)."))
                .components(new Components()
                        .addSchemas(PROBLEM, problem)
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Local accounts (embedded default)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("OIDC mode")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer purposeAndProblems() {
        return (operation, handler) -> {
            boolean personalData = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> RequestContext.class.equals(p.getParameterType()));
            if (personalData) {
                operation.addParametersItem(new HeaderParameter().name(RequestContextResolver.PURPOSE_HEADER)
                        .required(true).schema(new StringSchema().example("REG.ENROL"))
                        .description("Declared purpose of processing (e.g. REG.ENROL, REG.VERIFY, PROT.CASE, "
                                + "SUBJECT_REQUEST, AUDIT, ADMIN.KEYS). Missing or not allowed for your roles: 403."));
            }
            operation.addParametersItem(new HeaderParameter().name(RequestIdFilter.HEADER).required(false)
                    .schema(new StringSchema().pattern(RequestIdFilter.SAFE_PATTERN))
                    .description("Correlation id, echoed in the response and recorded in the audit trail; "
                            + "generated when absent or not matching the pattern."));
            ERRORS.forEach((status, description) -> addProblem(operation, status, description));
            return operation;
        };
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses() != null && operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }
}
